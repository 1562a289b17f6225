using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Features.Professionals;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Professionals;

/// <summary>The application service scheduling calls: availability from the database, and the scope decision. On a held clock: standings ("vence em até 30 dias"), validity periods and weeks are about the clinic's day.</summary>
public sealed class ProfessionalAvailabilityTests(FakeClockFactory app) : IClassFixture<FakeClockFactory>
{
    private static DateTime Utc(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

    [Fact]
    public async Task Available_between_applies_weekly_hours_a_day_off_and_a_closed_day_in_the_clinic_zone()
    {
        var monday = app.UpcomingMonday();
        var p = await app.AddProfessionalAsync(x =>
        {
            foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday })
            {
                x.WorkingHours.Add(new WorkingHours { Day = day, Start = new(9, 0), End = new(12, 0) });
                x.WorkingHours.Add(new WorkingHours { Day = day, Start = new(13, 0), End = new(18, 0) });
            }
            x.AvailabilityExceptions.Add(new ProfessionalAvailabilityException { Date = monday.AddDays(1), Kind = AvailabilityExceptionKind.TimeOff });
            // An exception outside the asked range must not matter.
            x.AvailabilityExceptions.Add(new ProfessionalAvailabilityException { Date = monday.AddDays(14), Kind = AvailabilityExceptionKind.TimeOff });
        });
        await using (var db = app.NewDbContext())
        {
            db.ClinicClosedDays.Add(new ClinicClosedDay { Date = monday.AddDays(2), Name = "Feriado municipal" });
            await db.SaveChangesAsync();
        }

        var slots = await app.WithScopeAsync(sp => sp.GetRequiredService<ProfessionalAvailability>()
            .AvailableBetweenAsync(p.Id, Utc(monday, 0), Utc(monday.AddDays(4), 0)));

        // São Paulo is UTC-3: 09:00 local is 12:00 UTC. Tuesday is the day off, Wednesday the holiday.
        var thursday = monday.AddDays(3);
        Assert.Equal(
        [
            new UtcInterval(Utc(monday, 12), Utc(monday, 15)),
            new UtcInterval(Utc(monday, 16), Utc(monday, 21)),
            new UtcInterval(Utc(thursday, 12), Utc(thursday, 15)),
            new UtcInterval(Utc(thursday, 16), Utc(thursday, 21)),
        ], slots);
    }

    [Fact]
    public async Task Scope_for_uses_the_treatment_default_an_override_and_the_standing_on_the_date()
    {
        var monday = app.UpcomingMonday();
        var filler = await app.AddTreatmentAsync("Preenchimento labial (serviço)", Profession.Physician, Profession.Dentist);
        var laser = await app.AddTreatmentAsync("Laser (serviço)", Profession.Physician);
        var p = await app.AddProfessionalAsync(x =>
        {
            x.CardValidUntil = monday.AddDays(10);
            x.Scopes.Add(new ProfessionalScope { TreatmentId = laser.Id, Mode = ScopeMode.Prohibited, ValidUntil = monday.AddDays(3) });
        });

        var decisions = await app.WithScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<ProfessionalAvailability>();
            return (
                Default: await service.ScopeForAsync(p.Id, filler.Id, monday),
                Override: await service.ScopeForAsync(p.Id, laser.Id, monday),
                Expired: await service.ScopeForAsync(p.Id, laser.Id, monday.AddDays(5)),
                Lapsed: await service.ScopeForAsync(p.Id, filler.Id, monday.AddDays(11)));
        });

        Assert.Equal(new ScopeDecision(ScopeMode.Independent, ScopeReason.DefaultAllowed), decisions.Default);
        Assert.Equal(new ScopeDecision(ScopeMode.Prohibited, ScopeReason.Override), decisions.Override);
        Assert.Equal(new ScopeDecision(ScopeMode.Independent, ScopeReason.DefaultAllowed), decisions.Expired);
        Assert.Equal(new ScopeDecision(ScopeMode.Prohibited, ScopeReason.CredentialNotInGoodStanding), decisions.Lapsed);
    }
}
