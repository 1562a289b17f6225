using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Home;

/// <summary>One appointment as the front desk's lists show it.</summary>
public sealed record DeskAppointment(
    Guid Id, Guid PatientId, Guid ProfessionalId, DateTime StartLocal, string PatientName, string ProfessionalName,
    AppointmentStatus Status, string? Phone, DateTime? ArrivedAtLocal);

/// <summary>
/// The receptionist's day on the home page: who is still to arrive today, in order; who is waiting (checked in, since
/// when); and tomorrow's appointments not yet confirmed, with the phone to call. Long lists show their first
/// <see cref="Shown"/> and say how many more the agenda holds.
/// </summary>
public sealed record FrontDeskDay(
    DateOnly Today, IReadOnlyList<DeskAppointment> Arrivals, int MoreArrivals, IReadOnlyList<DeskAppointment> Waiting,
    DateOnly Tomorrow, IReadOnlyList<DeskAppointment> ToConfirm, int MoreToConfirm)
{
    public const int Shown = 20;

    private static readonly AppointmentStatus[] Expected = [AppointmentStatus.Scheduled, AppointmentStatus.Confirmed];

    public static async Task<FrontDeskDay> LoadAsync(NeonProDbContext db, ClinicClock clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.Now);
        var tomorrow = today.AddDays(1);
        var professionals = await db.Professionals.AsNoTracking().Select(p => new { p.Id, p.FullName }).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        // Through the (ProfessionalId, StartUtc) index: one range per professional instead of a scan of every appointment.
        var ids = professionals.Keys.ToList();
        var (todayFrom, todayTo) = (clock.ToUtc(today.ToDateTime(TimeOnly.MinValue)), clock.ToUtc(tomorrow.ToDateTime(TimeOnly.MinValue)));
        var tomorrowTo = clock.ToUtc(tomorrow.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var todays = db.Appointments.AsNoTracking().Where(a => ids.Contains(a.ProfessionalId) && a.StartUtc >= todayFrom && a.StartUtc < todayTo);

        var arrivals = todays.Where(a => Expected.Contains(a.Status));
        var arrivalCount = await arrivals.CountAsync(ct);
        var arrivalRows = await Project(db, arrivals.OrderBy(a => a.StartUtc).Take(Shown)).ToListAsync(ct);

        var waitingRows = await Project(db, todays.Where(a => a.Status == AppointmentStatus.Arrived)).ToListAsync(ct);

        var toConfirm = db.Appointments.AsNoTracking()
            .Where(a => ids.Contains(a.ProfessionalId) && a.StartUtc >= todayTo && a.StartUtc < tomorrowTo && a.Status == AppointmentStatus.Scheduled);
        var toConfirmCount = await toConfirm.CountAsync(ct);
        var toConfirmRows = await Project(db, toConfirm.OrderBy(a => a.StartUtc).Take(Shown)).ToListAsync(ct);

        DeskAppointment Shape(Row r) => new(r.Id, r.PatientId, r.ProfessionalId, clock.ToClinicTime(r.StartUtc), r.PatientName,
            professionals.GetValueOrDefault(r.ProfessionalId, ""), r.Status, r.Phone, r.ArrivedAtUtc is { } at ? clock.ToClinicTime(at) : null);
        return new FrontDeskDay(
            today, [.. arrivalRows.Select(Shape).OrderBy(a => a.StartLocal)], arrivalCount - arrivalRows.Count,
            [.. waitingRows.Select(Shape).OrderBy(a => a.ArrivedAtLocal ?? a.StartLocal)],
            tomorrow, [.. toConfirmRows.Select(Shape).OrderBy(a => a.StartLocal)], toConfirmCount - toConfirmRows.Count);
    }

    private sealed record Row(Guid Id, Guid PatientId, Guid ProfessionalId, DateTime StartUtc, AppointmentStatus Status, string PatientName, string? Phone, DateTime? ArrivedAtUtc);

    private static IQueryable<Row> Project(NeonProDbContext db, IQueryable<Appointment> appointments) =>
        from a in appointments
        join p in db.Patients on a.PatientId equals p.Id
        select new Row(a.Id, a.PatientId, a.ProfessionalId, a.StartUtc, a.Status,
            p.SocialName != null && p.SocialName != "" ? p.SocialName : p.FullName, p.MobilePhone ?? p.OtherPhone,
            // Since when the patient waits: the check-in step of the appointment's history.
            db.AppointmentStatusChanges.Where(c => c.AppointmentId == a.Id && c.To == AppointmentStatus.Arrived).Max(c => (DateTime?)c.AtUtc));
}
