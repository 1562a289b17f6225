using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Infrastructure.Time;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Scheduling;

/// <summary>
/// The demo agenda keeps the rules a receptionist's bookings keep: no double booking of a professional, a room or a
/// patient, inside working hours, on open days, with a room that has the equipment, and statuses that fit the time.
/// </summary>
public sealed class SchedulingDemoSeederTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private async Task<DemoSeedReport> SeedAllAsync() => await app.WithScopeAsync(async sp =>
    {
        var report = new DemoSeedReport();
        foreach (var seeder in sp.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
            await seeder.SeedAsync(DemoSize.Small, report, CancellationToken.None);
        return report;
    });

    [Fact]
    public async Task The_small_agenda_never_double_books_and_fits_hours_rooms_and_time()
    {
        await SeedAllAsync();
        var db = app.NewDbContext();
        var countAfterFirstRun = await db.Appointments.CountAsync();
        await SeedAllAsync();
        Assert.Equal(countAfterFirstRun, await db.Appointments.CountAsync());

        var clock = app.Services.GetRequiredService<ClinicClock>();
        var nowUtc = clock.UtcNow;
        var all = await db.Appointments.AsNoTracking().ToListAsync();
        var professionals = await db.Professionals.AsNoTracking().Include(p => p.WorkingHours).ToDictionaryAsync(p => p.Id);
        var treatments = await db.Treatments.AsNoTracking().Include(t => t.RequiredEquipment).ToDictionaryAsync(t => t.Id);
        var rooms = await db.Rooms.AsNoTracking().Include(r => r.Equipment).ToDictionaryAsync(r => r.Id);
        var closed = (await db.ClinicClosedDays.AsNoTracking().Select(c => c.Date).ToListAsync()).ToHashSet();

        Assert.InRange(all.Count, 500, 10_000);
        Assert.True(all.Count(a => a.StartUtc < nowUtc) > 100 && all.Count(a => a.StartUtc > nowUtc) > 100, "past and future appointments");

        var active = all.Where(a => AppointmentStateMachine.OccupiesTime(a.Status)).ToList();
        AssertNoOverlaps(active, a => a.ProfessionalId, "professional");
        AssertNoOverlaps(active.Where(a => a.RoomId is not null), a => a.RoomId!.Value, "room");
        AssertNoOverlaps(active, a => a.PatientId, "patient");

        Assert.All(all, a =>
        {
            var start = clock.ToClinicTime(a.StartUtc);
            var end = clock.ToClinicTime(a.EndUtc);
            var day = DateOnly.FromDateTime(start);
            Assert.DoesNotContain(day, closed);
            Assert.Contains(professionals[a.ProfessionalId].WorkingHours, h =>
                h.Day == start.DayOfWeek && h.Start <= TimeOnly.FromDateTime(start) && TimeOnly.FromDateTime(end) <= h.End && end.Date == start.Date);

            var treatment = treatments[a.TreatmentId];
            if (treatment.RequiredEquipment.Count > 0)
                Assert.True(a.RoomId is { } r && treatment.FitsIn(rooms[r]), $"{treatment.Name} without a room that has its equipment");

            // What happened to a booking depends on whether its time has passed; nothing is recorded after now.
            if (a.StartUtc < nowUtc)
                Assert.Contains(a.Status, new[] { AppointmentStatus.Completed, AppointmentStatus.NoShow, AppointmentStatus.Cancelled, AppointmentStatus.Rescheduled });
            else
                Assert.Contains(a.Status, new[] { AppointmentStatus.Scheduled, AppointmentStatus.Confirmed, AppointmentStatus.Cancelled, AppointmentStatus.Rescheduled });
            Assert.True(a.CreatedAtUtc <= nowUtc && a.UpdatedAtUtc <= nowUtc);
            if (a.Status == AppointmentStatus.Cancelled)
                Assert.True(a.CancelledAtUtc <= nowUtc && !string.IsNullOrWhiteSpace(a.CancellationReason));
        });

        // A move keeps the original as Rescheduled and links the new booking back to it, counting the moves.
        var byId = all.ToDictionary(a => a.Id);
        var successors = all.Where(a => a.RescheduledFromId is not null).ToList();
        Assert.NotEmpty(successors);
        Assert.All(successors, next =>
        {
            var original = byId[next.RescheduledFromId!.Value];
            Assert.Equal(AppointmentStatus.Rescheduled, original.Status);
            Assert.Equal((original.PatientId, original.ProfessionalId), (next.PatientId, next.ProfessionalId));
            Assert.True(next.StartUtc > original.StartUtc);
            Assert.Equal(original.MoveCount + 1, next.MoveCount);
        });
        Assert.Equal(successors.Count, successors.Select(a => a.RescheduledFromId).Distinct().Count());

        // Each panel shows the steps that led to the status, one allowed transition at a time, none after now.
        var history = (await db.AppointmentStatusChanges.AsNoTracking().ToListAsync()).ToLookup(h => h.AppointmentId);
        Assert.All(all, a =>
        {
            var steps = history[a.Id].OrderBy(h => h.AtUtc).ThenBy(h => h.From is null ? 0 : 1).ToList();
            Assert.NotEmpty(steps);
            Assert.Null(steps[0].From);
            Assert.Equal(AppointmentStatus.Scheduled, steps[0].To);
            Assert.Equal(a.Status, steps[^1].To);
            for (var i = 1; i < steps.Count; i++)
            {
                Assert.Equal(steps[i - 1].To, steps[i].From);
                Assert.Contains(steps[i].To, AppointmentStateMachine.NextFrom(steps[i].From!.Value));
            }
            Assert.All(steps, h => Assert.True(h.AtUtc <= nowUtc));
        });

        // A realistic mix: most past visits happened, some were missed or cancelled.
        var past = all.Where(a => a.StartUtc < nowUtc).ToList();
        Assert.InRange(past.Count(a => a.Status == AppointmentStatus.Completed) / (double)past.Count, 0.6, 0.9);
        Assert.Contains(past, a => a.Status == AppointmentStatus.NoShow);
        Assert.Contains(all, a => a.Status == AppointmentStatus.Cancelled);
    }

    private static void AssertNoOverlaps(IEnumerable<Appointment> appointments, Func<Appointment, Guid> owner, string what)
    {
        foreach (var group in appointments.GroupBy(owner))
        {
            // In start order, an appointment overlaps an earlier one exactly when it starts before the latest end so far.
            var latestEnd = DateTime.MinValue;
            foreach (var a in group.OrderBy(a => a.StartUtc))
            {
                Assert.False(a.StartUtc < latestEnd, $"{what} {group.Key} double-booked at {a.StartUtc:O}");
                if (a.EndUtc > latestEnd) latestEnd = a.EndUtc;
            }
        }
    }
}
