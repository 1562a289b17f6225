using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Features.Patients;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Home;

/// <summary>One of my next patients: the alerts the chart shows and the consents still missing for this treatment.</summary>
public sealed record NextPatient(
    Guid AppointmentId, Guid PatientId, DateTime StartLocal, string PatientName, string TreatmentName, AppointmentStatus Status,
    IReadOnlyList<string> Alerts, IReadOnlyList<string> PendingConsents);

/// <summary>
/// A professional's next patients today on the home page: their own appointments not yet finished, in order. Only
/// the professional linked to the signed-in account: nobody else's patients. Null professional: the account is not
/// linked to one.
/// </summary>
public sealed record MyNextPatients(string? ProfessionalName, IReadOnlyList<NextPatient> Patients)
{
    private static readonly AppointmentStatus[] Ahead =
        [AppointmentStatus.Scheduled, AppointmentStatus.Confirmed, AppointmentStatus.Arrived, AppointmentStatus.InProgress];

    public static async Task<MyNextPatients> LoadAsync(NeonProDbContext db, ClinicClock clock, string? userId, IStringLocalizer T, CancellationToken ct)
    {
        var me = await db.Professionals.AsNoTracking().Where(p => p.UserId == userId).Select(p => new { p.Id, p.FullName }).FirstOrDefaultAsync(ct);
        if (me is null) return new MyNextPatients(null, []);
        var today = DateOnly.FromDateTime(clock.Now);
        var fromUtc = clock.ToUtc(today.ToDateTime(TimeOnly.MinValue));
        var toUtc = clock.ToUtc(today.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.ProfessionalId == me.Id && a.StartUtc >= fromUtc && a.StartUtc < toUtc && Ahead.Contains(a.Status))
            .OrderBy(a => a.StartUtc)
            .Select(a => new
            {
                a.Id, a.StartUtc, a.Status, a.PatientId,
                Treatment = db.Treatments.Where(t => t.Id == a.TreatmentId)
                    .Select(t => new { t.Name, t.PhotoRequired, t.ContraindicatedInPregnancy, t.ContraindicatedInBreastfeeding }).First(),
            })
            .ToListAsync(ct);
        var patientIds = rows.Select(r => r.PatientId).Distinct().ToList();
        var patients = await db.Patients.AsNoTracking().Include(p => p.HealthProfile).Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var consents = (await db.PatientConsents.AsNoTracking().Where(c => patientIds.Contains(c.PatientId)).ToListAsync(ct)).ToLookup(c => c.PatientId);
        var now = clock.UtcNow;

        return new MyNextPatients(me.FullName, [.. rows.Select(r =>
        {
            var p = patients[r.PatientId];
            // The same consents booking warns about: health data for any care, image use where the treatment takes photos.
            var pending = new List<string>();
            if (!ConsentRules.HasCurrent(consents[p.Id], ConsentPurpose.HealthCare, now)) pending.Add(T["Consentimento para dados de saúde"]);
            if (r.Treatment.PhotoRequired && !ConsentRules.HasCurrent(consents[p.Id], ConsentPurpose.ImageUse, now)) pending.Add(T["Consentimento de uso de imagem"]);
            return new NextPatient(r.Id, p.Id, clock.ToClinicTime(r.StartUtc), p.DisplayName, r.Treatment.Name, r.Status,
                PatientAlerts.For(p, p.HealthProfile, r.Treatment.ContraindicatedInPregnancy, r.Treatment.ContraindicatedInBreastfeeding, today, T), pending);
        })]);
    }
}
