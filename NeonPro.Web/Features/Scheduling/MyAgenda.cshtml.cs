using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Features.Patients;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Htmx;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Scheduling;

/// <summary>A professional's own day: their appointments with each patient's alerts, started and completed from here.</summary>
[Authorize(Policy = Policies.Clinical)]
public class MyAgendaModel(NeonProDbContext db, ClinicClock clock, AppointmentStatusService statuses, ClinicalAccess access, IStringLocalizer<SharedResource> T) : PageModel
{
    public DateOnly Day { get; private set; }
    public string? ProfessionalName { get; private set; }
    public IReadOnlyList<AgendaItem> Items { get; private set; } = [];

    public sealed record AgendaItem(
        Guid Id, Guid Version, DateTime StartLocal, DateTime EndLocal, AppointmentStatus Status, Guid PatientId, string PatientName,
        string TreatmentName, string? RoomName, IReadOnlyList<string> Alerts);

    public async Task<IActionResult> OnGetAsync(string? date)
    {
        Day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : DateOnly.FromDateTime(clock.Now);
        await LoadAsync();
        return this.PageOrPartial("_MyAgendaList", this);
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, Guid version, AppointmentStatus to, string? date)
    {
        Day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : DateOnly.FromDateTime(clock.Now);
        // A professional moves only their own appointments along: the same rule as the grid's.
        var professionalId = await db.Appointments.AsNoTracking().Where(a => a.Id == id).Select(a => (Guid?)a.ProfessionalId).FirstOrDefaultAsync();
        if (professionalId is null || !await access.MayChangeAppointmentAsync(User, professionalId.Value)) return Forbid();
        var outcome = await statuses.ChangeAsync(id, version, to, null, User.ActorId(),
            User.ActorName());
        if (outcome.Result != StatusChangeResult.Changed && outcome.Problem is { } p)
        {
            ModelState.AddModelError(string.Empty, T[p.Message, p.Args.Select(a => a is AppointmentStatus s ? StatusNames.Name(T, s) : a).ToArray()]);
            Response.StatusCode = outcome.Result == StatusChangeResult.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        }
        await LoadAsync();
        return Partial("_MyAgendaList", this);
    }

    private async Task LoadAsync()
    {
        var userId = User.ActorId();
        var me = await db.Professionals.AsNoTracking().Where(p => p.UserId == userId).Select(p => new { p.Id, p.FullName }).FirstOrDefaultAsync();
        if (me is null) return;
        ProfessionalName = me.FullName;
        var fromUtc = clock.ToUtc(Day.ToDateTime(TimeOnly.MinValue));
        var toUtc = clock.ToUtc(Day.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var hidden = new[] { AppointmentStatus.Cancelled, AppointmentStatus.Rescheduled };
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.ProfessionalId == me.Id && a.StartUtc >= fromUtc && a.StartUtc < toUtc && !hidden.Contains(a.Status))
            .OrderBy(a => a.StartUtc)
            .Select(a => new
            {
                a.Id, a.Version, a.StartUtc, a.EndUtc, a.Status, a.PatientId, a.TreatmentId,
                Treatment = db.Treatments.Where(t => t.Id == a.TreatmentId).Select(t => new { t.Name, t.ContraindicatedInPregnancy, t.ContraindicatedInBreastfeeding }).First(),
                Room = db.Rooms.Where(r => r.Id == a.RoomId).Select(r => r.Name).FirstOrDefault(),
            })
            .ToListAsync();
        var patientIds = rows.Select(r => r.PatientId).Distinct().ToList();
        var patients = await db.Patients.AsNoTracking().Include(p => p.HealthProfile).Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id);

        Items = rows.Select(r =>
        {
            var p = patients[r.PatientId];
            var alerts = PatientAlerts.For(p, p.HealthProfile, r.Treatment.ContraindicatedInPregnancy, r.Treatment.ContraindicatedInBreastfeeding, Day, T);
            return new AgendaItem(r.Id, r.Version, clock.ToClinicTime(r.StartUtc), clock.ToClinicTime(r.EndUtc), r.Status, p.Id, p.DisplayName,
                r.Treatment.Name, r.Room, alerts);
        }).ToList();
    }
}
