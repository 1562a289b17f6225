using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Access;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Patients;

/// <summary>
/// The patient's chart: a header of alerts and tabs loaded as htmx partials. Opening the chart is an access to the
/// record and writes one View row to the audit trail; switching tabs does not. Who may open it, and how much of it, is
/// ClinicalAccess's answer, asked again on every handler; a professional outside their relationships gets the
/// break-the-glass page instead (403) and, after stating a reason, the chart under an emergency banner.
/// </summary>
public class ChartModel(NeonProDbContext db, AuditLog audit, ClinicClock clock, ConsentStatus consents, ClinicalAccess access, IStringLocalizer<SharedResource> T) : PageModel
{
    public sealed record ChartTab(string Key, string Title, bool Clinical = false);

    public static readonly IReadOnlyList<ChartTab> Tabs =
    [
        new("dados", "Dados"),
        new("anamnese", "Anamnese", Clinical: true),
        new("consentimentos", "Consentimentos"),
        new("historico", "Histórico"),
        new("acessos", "Acessos"),
    ];

    public Guid Id { get; private set; }
    public string Tab { get; private set; } = "dados";
    public Patient Patient { get; private set; } = null!;
    public bool Blocked { get; private set; }
    /// <summary>Why this person sees the chart, and how much of it.</summary>
    public PatientRecordAccess Access { get; private set; } = null!;
    /// <summary>The chart is closed to this professional: the page offers "acesso de emergência" instead.</summary>
    public bool OffersEmergencyAccess { get; private set; }
    [BindProperty] public string? EmergencyReason { get; set; }
    /// <summary>The tabs this person may open (the front desk does not see the anamnese).</summary>
    public IEnumerable<ChartTab> VisibleTabs => Tabs.Where(t => !t.Clinical || Access.MayReadClinicalData);
    public IReadOnlyList<ChartAlert> Alerts { get; private set; } = [];
    public DateOnly Today { get; private set; }

    // Tab models
    public IReadOnlyList<AccessRow> Accesses { get; private set; } = [];
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    /// <summary>Where each tab's content comes from (the consents tab is served by the consents page).</summary>
    public static string TabUrl(Guid id, string tab) => tab switch
    {
        "anamnese" => $"/Patients/HealthProfile?id={id}",
        "consentimentos" => $"/Patients/Consents?id={id}&handler=Tab",
        _ => $"/Patients/Chart?id={id}&handler=Tab&tab={tab}",
    };

    /// <summary>The chart's own address with a tab selected (pushed to the history when a tab is clicked).</summary>
    public static string ChartUrl(Guid id, string tab) => $"/Patients/Chart?id={id}&tab={tab}";

    public async Task<IActionResult> OnGetAsync(Guid id, string? tab)
    {
        if (await LoadAsync(id, withHealthProfile: true) is { } missing) return missing;
        if (!Access.MayOpenChart) return Refused();
        Tab = VisibleTabs.Any(t => t.Key == tab) ? tab! : "dados";

        audit.Add(AuditAction.View, nameof(Patient), id.ToString(), new { tab = Tab });
        await db.SaveChangesAsync();

        Alerts = await AlertsAsync(Patient);
        return Page();
    }

    /// <summary>
    /// "Acesso de emergência": a professional outside their relationships states why they must open this chart now.
    /// The reason goes to the audit trail as an EmergencyAccess row, which grants the access for
    /// ClinicalAccess.EmergencyGrantLength; the chart then opens (and its opening is audited as any other).
    /// </summary>
    public async Task<IActionResult> OnPostEmergencyAsync(Guid id)
    {
        if (await LoadAsync(id, withHealthProfile: false) is { } missing) return missing;
        if (Access.MayReadClinicalData) return Redirect(ChartUrl(id, "dados"));
        if (!Access.MayRequestEmergencyAccess) return Refused();

        var reason = EmergencyReason?.Trim() ?? "";
        if (reason.Length < ClinicalAccess.EmergencyReasonMinLength)
            ModelState.AddModelError(nameof(EmergencyReason), T["Descreva o motivo com pelo menos {0} caracteres.", ClinicalAccess.EmergencyReasonMinLength]);
        else if (reason.Length > ClinicalAccess.EmergencyReasonMaxLength)
            ModelState.AddModelError(nameof(EmergencyReason), T["Use no máximo {0} caracteres.", ClinicalAccess.EmergencyReasonMaxLength]);
        if (!ModelState.IsValid)
        {
            OffersEmergencyAccess = true;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        access.GrantEmergencyAccess(id, reason);
        await db.SaveChangesAsync();
        return Redirect(ChartUrl(id, "dados"));
    }

    /// <summary>The header again after a change elsewhere on the chart (consents, anamnese): not a new opening.</summary>
    public async Task<IActionResult> OnGetHeaderAsync(Guid id)
    {
        if (await LoadAsync(id, withHealthProfile: true) is { } missing) return missing;
        if (!Access.MayOpenChart) return RefusedPartial();
        Alerts = await AlertsAsync(Patient);
        return Partial("_ChartHeader", this);
    }

    public async Task<IActionResult> OnGetTabAsync(Guid id, string? tab)
    {
        if (await LoadAsync(id, withHealthProfile: false) is { } missing) return missing;
        if (!Access.MayOpenChart) return RefusedPartial();
        switch (tab)
        {
            case "acessos":
                Accesses = await AccessesAsync(id);
                return Partial("_AccessTab", this);
            case "historico":
                History = await HistoryAsync(id);
                return Partial("_HistoryTab", this);
            default:
                return Partial("_DataTab", this);
        }
    }

    /// <summary>Reads the patient and this person's access to the record; NotFound when there is no such patient.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, bool withHealthProfile)
    {
        var query = db.Patients.AsNoTracking();
        if (withHealthProfile) query = query.Include(p => p.HealthProfile);
        var patient = await query.FirstOrDefaultAsync(p => p.Id == id);
        if (patient is null) return NotFound();
        Id = id;
        Patient = patient;
        Today = DateOnly.FromDateTime(clock.Now);
        Access = await access.ToPatientAsync(User, id, patient.RecordBlocked);
        return null;
    }

    /// <summary>The page without any of the chart: the break-the-glass form for a professional, "blocked" for the desk.</summary>
    private IActionResult Refused()
    {
        OffersEmergencyAccess = Access.MayRequestEmergencyAccess;
        Blocked = !OffersEmergencyAccess;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private IActionResult RefusedPartial()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Partial(Access.MayRequestEmergencyAccess ? "_ClinicalRestricted" : "_Blocked");
    }

    private async Task<IReadOnlyList<ChartAlert>> AlertsAsync(Patient p)
    {
        var alerts = new List<ChartAlert>();
        string Date(DateTime utc) => clock.ToClinicTime(utc).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        if (p.AnonymizedAtUtc is { } anonymized)
            alerts.Add(new(AlertLevel.Danger, T["Paciente anonimizado em {0}.", Date(anonymized)]));
        if (p.RecordBlocked)
            alerts.Add(new(AlertLevel.Danger, T["Registro bloqueado: mantido apenas por obrigação legal."]));
        if (p.IsMinorOn(Today))
            alerts.Add(new(AlertLevel.Warning, T["Menor de idade"]));

        var h = p.HealthProfile;
        if (h is null || (!h.NoKnownAllergies && string.IsNullOrWhiteSpace(h.Allergies)))
            alerts.Add(new(AlertLevel.Warning, T["Alergias não informadas"]));
        else if (!string.IsNullOrWhiteSpace(h.Allergies))
            alerts.Add(new(AlertLevel.Danger, T["Alergias: {0}", h.Allergies]));
        if (h is not null && !string.IsNullOrWhiteSpace(h.Contraindications))
            alerts.Add(new(AlertLevel.Danger, T["Contraindicações: {0}", h.Contraindications]));
        var stated = h?.PregnancyStatedOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
        if (h is { Pregnant: true })
            alerts.Add(new(AlertLevel.Danger, T["Gestante (informado em {0})", stated]));
        if (h is { Breastfeeding: true })
            alerts.Add(new(AlertLevel.Danger, T["Amamentando (informado em {0})", stated]));

        // Missing or withdrawn consents, worded by the consent register itself.
        alerts.AddRange((await consents.AlertsAsync(p.Id)).Select(a => new ChartAlert(AlertLevel.Warning, a.Message)));
        return alerts;
    }

    private async Task<IReadOnlyList<AccessRow>> AccessesAsync(Guid id)
    {
        var key = id.ToString();
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Patient) && a.EntityId == key
                        && (a.Action == AuditAction.View || a.Action == AuditAction.Export || a.Action == AuditAction.EmergencyAccess))
            .OrderByDescending(a => a.Sequence)
            .Take(200)
            .Select(a => new { a.OccurredAtUtc, a.UserId, a.UserName, a.Role, a.Action, a.IpAddress, a.NewValues })
            .ToListAsync();
        var names = await StaffNamesAsync(rows.Select(r => r.UserId));
        return rows.Select(r => new AccessRow(clock.ToClinicTime(r.OccurredAtUtc),
            r.UserId is not null && names.TryGetValue(r.UserId, out var n) ? n : r.UserName ?? "—", r.Role, r.Action, r.IpAddress,
            r.Action == AuditAction.EmergencyAccess ? ClinicalAccess.ReasonOf(r.NewValues) : null)).ToList();
    }

    /// <summary>
    /// What happened to this record: registry and health-profile changes, consents, accesses. Appointments and sessions
    /// join this list in later issues.
    /// </summary>
    private async Task<IReadOnlyList<HistoryRow>> HistoryAsync(Guid id)
    {
        var key = id.ToString();
        var consentIds = (await db.PatientConsents.AsNoTracking().Where(c => c.PatientId == id).Select(c => c.Id).ToListAsync())
            .Select(c => c.ToString()).ToList();
        // Two index reads on (EntityType, EntityId) rather than one OR the planner might answer with a scan of the audit.
        var ownTypes = new[] { nameof(Patient), nameof(HealthProfile) };
        var own = db.AuditEntries.AsNoTracking().Where(a => ownTypes.Contains(a.EntityType) && a.EntityId == key);
        var ofConsents = db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(PatientConsent) && consentIds.Contains(a.EntityId!));
        var rows = (await Read(own)).Concat(consentIds.Count > 0 ? await Read(ofConsents) : [])
            .OrderByDescending(a => a.Sequence).Take(200).ToList();

        static Task<List<AuditHistoryItem>> Read(IQueryable<AuditEntry> q) => q
            .OrderByDescending(a => a.Sequence)
            .Take(200)
            .Select(a => new AuditHistoryItem(a.Sequence, a.OccurredAtUtc, a.UserId, a.UserName, a.Action, a.EntityType, a.NewValues))
            .ToListAsync();

        var names = await StaffNamesAsync(rows.Select(r => r.UserId));
        return rows.Select(r => new HistoryRow(clock.ToClinicTime(r.OccurredAtUtc),
            r.UserId is not null && names.TryGetValue(r.UserId, out var n) ? n : r.UserName ?? "—",
            Describe(r.Action, r.EntityType), r.Action is AuditAction.Update ? ChangedFields(r.NewValues) : [])).ToList();
    }

    private async Task<Dictionary<string, string>> StaffNamesAsync(IEnumerable<string?> userIds)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName != "" ? u.FullName : (u.Email ?? u.Id));
    }

    private static string Describe(AuditAction action, string entityType) => (action, entityType) switch
    {
        (AuditAction.View, _) => "Prontuário aberto",
        (AuditAction.Export, _) => "Dados exportados",
        (AuditAction.EmergencyAccess, _) => "Acesso de emergência",
        (AuditAction.Insert, nameof(Patient)) => "Cadastro criado",
        (AuditAction.Update, nameof(Patient)) => "Cadastro alterado",
        (AuditAction.Insert or AuditAction.Update, nameof(HealthProfile)) => "Anamnese atualizada",
        (AuditAction.Insert, nameof(PatientConsent)) => "Consentimento registrado",
        (AuditAction.Update, nameof(PatientConsent)) => "Consentimento alterado",
        _ => "Registro alterado",
    };

    /// <summary>The names of the fields an update changed (the audit keeps values of identifying fields only as hashes).</summary>
    private static IReadOnlyList<string> ChangedFields(string? newValues)
    {
        if (string.IsNullOrEmpty(newValues)) return [];
        using var doc = JsonDocument.Parse(newValues);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) return [];
        return doc.RootElement.EnumerateObject().Select(p => p.Name).Where(n => FieldLabels.ContainsKey(n)).Select(n => FieldLabels[n]).Distinct().ToList();
    }

    private static readonly Dictionary<string, string> FieldLabels = new()
    {
        [nameof(Patient.FullName)] = "Nome completo", [nameof(Patient.SocialName)] = "Nome social", [nameof(Patient.BirthDate)] = "Data de nascimento",
        [nameof(Patient.Sex)] = "Sexo", [nameof(Patient.Cpf)] = "CPF", [nameof(Patient.IsForeigner)] = "Estrangeiro (sem CPF)",
        [nameof(Patient.PassportNumber)] = "Número do passaporte", [nameof(Patient.Cns)] = "CNS (Cartão Nacional de Saúde)", [nameof(Patient.Rg)] = "RG",
        [nameof(Patient.MobilePhone)] = "Celular", [nameof(Patient.OtherPhone)] = "Outro telefone", [nameof(Patient.Email)] = "E-mail",
        [nameof(Patient.PreferredChannel)] = "Canal de contato preferido", [nameof(Patient.PostalCode)] = "CEP", [nameof(Patient.Street)] = "Logradouro",
        [nameof(Patient.Number)] = "Número", [nameof(Patient.Complement)] = "Complemento", [nameof(Patient.District)] = "Bairro",
        [nameof(Patient.City)] = "Cidade", [nameof(Patient.State)] = "UF", [nameof(Patient.Occupation)] = "Profissão",
        [nameof(Patient.EmergencyContactName)] = "Nome do contato de emergência", [nameof(Patient.EmergencyContactPhone)] = "Telefone do contato de emergência",
        [nameof(Patient.GuardianName)] = "Nome do responsável legal", [nameof(Patient.GuardianCpf)] = "CPF do responsável",
        [nameof(Patient.GuardianPhone)] = "Telefone do responsável", [nameof(Patient.RecordBlocked)] = "Registro bloqueado",
        [nameof(HealthProfile.Allergies)] = "Alergias", [nameof(HealthProfile.NoKnownAllergies)] = "Sem alergias conhecidas",
        [nameof(HealthProfile.CurrentMedications)] = "Medicamentos em uso", [nameof(HealthProfile.MedicalConditions)] = "Condições de saúde",
        [nameof(HealthProfile.PreviousAestheticProcedures)] = "Procedimentos estéticos anteriores", [nameof(HealthProfile.Contraindications)] = "Contraindicações",
        [nameof(HealthProfile.Pregnant)] = "Gestante", [nameof(HealthProfile.Breastfeeding)] = "Amamentando",
        [nameof(HealthProfile.FitzpatrickType)] = "Fototipo (Fitzpatrick)", [nameof(HealthProfile.AestheticGoals)] = "Objetivos estéticos",
        [nameof(PatientConsent.WithdrawnAtUtc)] = "Retirada do consentimento",
    };
}

public enum AlertLevel { Warning, Danger }

public sealed record ChartAlert(AlertLevel Level, string Text);

/// <summary>One access to the record; an emergency access carries the reason the professional gave.</summary>
public sealed record AccessRow(DateTime AtLocal, string Who, string? Role, AuditAction Action, string? IpAddress, string? EmergencyReason = null);

internal sealed record AuditHistoryItem(long Sequence, DateTime OccurredAtUtc, string? UserId, string? UserName, AuditAction Action, string EntityType, string? NewValues);

public sealed record HistoryRow(DateTime AtLocal, string Who, string What, IReadOnlyList<string> Fields);
