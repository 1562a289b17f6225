using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Patients;

public enum ConsentAlertKind
{
    /// <summary>No health-data consent ever recorded.</summary>
    HealthCareMissing,
    /// <summary>The health-data consent was withdrawn and none is current.</summary>
    HealthCareWithdrawn,
    /// <summary>Image-use or marketing consent withdrawn (WithdrawnAtUtc says when).</summary>
    Withdrawn,
}

/// <summary>A consent problem the chart header shows. Message is ready to display in the request's language.</summary>
public sealed record ConsentAlert(ConsentAlertKind Kind, ConsentPurpose Purpose, DateTime? WithdrawnAtUtc, string Message);

/// <summary>Where one purpose stands for a patient: the current consent, or else the last one (withdrawn), or none.</summary>
public sealed record PurposeStatus(ConsentPurpose Purpose, PatientConsent? Current, PatientConsent? LastWithdrawn)
{
    public bool IsCurrent => Current is not null;
    public bool NeverRecorded => Current is null && LastWithdrawn is null;
}

/// <summary>
/// A patient's consents as the chart and the consent tab read them: per-purpose status and the alerts for the
/// chart header (missing health-data consent; withdrawn image-use or marketing consent).
/// </summary>
public sealed class ConsentStatus(NeonProDbContext db, ClinicClock clock, IStringLocalizer<SharedResource> T)
{
    /// <summary>The purposes whose withdrawal the chart must show (photos cannot be taken; no campaigns may go out).</summary>
    private static readonly ConsentPurpose[] WithdrawalAlerts = [ConsentPurpose.ImageUse, ConsentPurpose.Marketing];

    public async Task<IReadOnlyList<ConsentAlert>> AlertsAsync(Guid patientId, CancellationToken ct = default)
    {
        var consents = await db.PatientConsents.AsNoTracking().Where(c => c.PatientId == patientId).ToListAsync(ct);
        var statuses = Summarize(consents, clock.UtcNow).ToDictionary(s => s.Purpose);
        var alerts = new List<ConsentAlert>();

        var health = statuses[ConsentPurpose.HealthCare];
        if (health.NeverRecorded)
            alerts.Add(new(ConsentAlertKind.HealthCareMissing, ConsentPurpose.HealthCare, null,
                T["Sem consentimento para tratamento de dados de saúde."]));
        else if (!health.IsCurrent)
            alerts.Add(new(ConsentAlertKind.HealthCareWithdrawn, ConsentPurpose.HealthCare, health.LastWithdrawn!.WithdrawnAtUtc,
                T["Consentimento para tratamento de dados de saúde retirado em {0}.", clock.FormatDate(health.LastWithdrawn.WithdrawnAtUtc!.Value)]));

        foreach (var purpose in WithdrawalAlerts)
        {
            var s = statuses[purpose];
            if (s.IsCurrent || s.LastWithdrawn?.WithdrawnAtUtc is not { } at) continue;
            alerts.Add(new(ConsentAlertKind.Withdrawn, purpose, at,
                T["Consentimento retirado: {0}, em {1}.", T[ConsentNames.Of(purpose)], clock.FormatDate(at)]));
        }
        return alerts;
    }

    public async Task<IReadOnlyList<PurposeStatus>> OverviewAsync(Guid patientId, CancellationToken ct = default)
    {
        var consents = await db.PatientConsents.AsNoTracking().Include(c => c.Term).Where(c => c.PatientId == patientId).ToListAsync(ct);
        return Summarize(consents, clock.UtcNow);
    }

    /// <summary>One status per purpose, in the order of <see cref="ConsentPurpose"/>.</summary>
    public static IReadOnlyList<PurposeStatus> Summarize(IEnumerable<PatientConsent> consents, DateTime nowUtc)
    {
        var byPurpose = consents.ToLookup(c => c.Purpose);
        return Enum.GetValues<ConsentPurpose>().Select(p =>
        {
            var list = byPurpose[p].ToList();
            var current = list.Where(c => c.IsCurrentAt(nowUtc)).MaxBy(c => c.GrantedAtUtc);
            var withdrawn = list.Where(c => c.WithdrawnAtUtc is { } w && w <= nowUtc).MaxBy(c => c.WithdrawnAtUtc);
            return new PurposeStatus(p, current, current is null ? withdrawn : null);
        }).ToList();
    }
}

/// <summary>The pt-BR names (localizer keys) of purposes, methods and rights.</summary>
public static class ConsentNames
{
    public static string Of(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.HealthCare => "Tratamento de dados de saúde",
        ConsentPurpose.ImageUse => "Uso de imagem (fotografias)",
        ConsentPurpose.Marketing => "Marketing",
        ConsentPurpose.ThirdPartySharing => "Compartilhamento com terceiros",
        ConsentPurpose.Research => "Pesquisa",
        _ => purpose.ToString(),
    };

    public static string Of(ConsentMethod method) => method switch
    {
        ConsentMethod.InPerson => "Presencial",
        ConsentMethod.SignedForm => "Termo assinado",
        ConsentMethod.Digital => "Digital",
        _ => method.ToString(),
    };

    /// <summary>The legal basis each purpose rests on, as the consent register shows it.</summary>
    public static string LegalBasis(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.HealthCare => "LGPD art. 11, I",
        ConsentPurpose.Research => "LGPD art. 11, I",
        _ => "LGPD art. 7º, I",
    };
}

public static class PatientConsentsSetup
{
    /// <summary>The consent register's services. TryAdd: both the patients and the compliance areas may call it.</summary>
    public static IServiceCollection AddPatientConsents(this IServiceCollection services)
    {
        services.TryAddScoped<ConsentStatus>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ConsentTermsStartup>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<Infrastructure.Cli.IDemoSeeder, ConsentTermsDemoSeeder>());
        return services;
    }
}
