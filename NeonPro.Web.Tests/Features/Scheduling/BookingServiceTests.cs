using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Features.Scheduling;
using NeonPro.Web.Infrastructure.Forms;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Scheduling;

public sealed class BookingServiceTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private async Task<BookingOutcome> Book(BookingRequest request) =>
        await app.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().BookAsync(request, null, "Recepção Teste"));

    [Fact]
    public async Task Back_to_back_bookings_succeed_and_an_overlap_of_one_minute_is_refused()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        var nine = SchedulingWorld.NextMondayUtc(9);
        var first = await Book(new(w.PatientIds[0], w.ProfessionalId, w.TreatmentId, w.RoomId, nine, 60, null, true));
        Assert.Equal(BookingResult.Booked, first.Result);

        var backToBack = await Book(new(w.PatientIds[1], w.ProfessionalId, w.TreatmentId, null, nine.AddMinutes(60), 60, null, true));
        Assert.Equal(BookingResult.Booked, backToBack.Result);

        var overlapping = await Book(new(w.PatientIds[2], w.ProfessionalId, w.TreatmentId, null, nine.AddMinutes(119), 30, null, true));
        Assert.Equal(BookingResult.Conflict, overlapping.Result);
        Assert.Contains(overlapping.Problems, p => p.Message.Contains("já tem um agendamento"));
    }

    [Fact]
    public async Task Outside_the_professionals_hours_is_refused_and_nothing_is_written()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        var before = await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().Appointments.CountAsync());
        var outcome = await Book(new(w.PatientIds[0], w.ProfessionalId, w.TreatmentId, null, SchedulingWorld.NextMondayUtc(7), 60, null, true));
        Assert.Equal(BookingResult.Refused, outcome.Result);
        Assert.Contains(outcome.Problems, p => p.Field == "StartUtc");
        Assert.Equal(before, await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().Appointments.CountAsync()));
    }

    [Fact]
    public async Task Twenty_concurrent_bookings_of_one_professional_yield_exactly_one_appointment()
    {
        var w = await SchedulingWorld.CreateAsync(app, patients: 20);
        var start = SchedulingWorld.NextMondayUtc(15);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            Book(new(w.PatientIds[i], w.ProfessionalId, w.TreatmentId, null, start.AddMinutes(i % 3 * 10), 60, null, true)))));

        Assert.Equal(1, outcomes.Count(o => o.Result == BookingResult.Booked));
        Assert.Equal(19, outcomes.Count(o => o.Result == BookingResult.Conflict));
        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().Appointments
            .CountAsync(a => a.ProfessionalId == w.ProfessionalId));
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task A_move_keeps_the_original_as_rescheduled_and_counts_the_move()
    {
        var w = await SchedulingWorld.CreateAsync(app);
        var booked = await Book(new(w.PatientIds[0], w.ProfessionalId, w.TreatmentId, null, SchedulingWorld.NextMondayUtc(10), 60, null, true));
        var moved = await app.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().MoveAsync(
            booked.Appointment!.Id, booked.Appointment.Version, w.ProfessionalId, null, SchedulingWorld.NextMondayUtc(16), null, "Recepção Teste"));
        Assert.Equal(BookingResult.Booked, moved.Result);
        Assert.Equal(1, moved.Appointment!.MoveCount);
        Assert.Equal(booked.Appointment!.Id, moved.Appointment.RescheduledFromId);
        var original = await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().Appointments.AsNoTracking().SingleAsync(a => a.Id == booked.Appointment.Id));
        Assert.Equal(AppointmentStatus.Rescheduled, original.Status);

        // Moving the stale version again is refused with who changed it.
        var stale = await app.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().MoveAsync(
            booked.Appointment.Id, booked.Appointment.Version, w.ProfessionalId, null, SchedulingWorld.NextMondayUtc(17), null, "Outra Pessoa"));
        Assert.Equal(BookingResult.Conflict, stale.Result);
        // The one stale-edit sentence every form uses, not an agenda-only variant of it.
        Assert.Equal(StaleEditNotice.ChangedBy, stale.Problems.Single().Message);
        Assert.Equal("Recepção Teste", stale.Problems.Single().Args[0]);
    }
}
