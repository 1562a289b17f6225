using NeonPro.Web.Domain.Professionals;

namespace NeonPro.Web.Tests.Domain.Professionals;

public class AvailabilityTests
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
    private static readonly TimeZoneInfo Manaus = TimeZoneInfo.FindSystemTimeZoneById("America/Manaus");

    // Monday 23 Nov 2026 .. Sunday 29 Nov 2026
    private static DateTime Utc(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    private static readonly WeeklyInterval[] MondayAndTuesday =
    [
        new(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0)),
        new(DayOfWeek.Monday, new TimeOnly(14, 0), new TimeOnly(18, 0)),
        new(DayOfWeek.Tuesday, new TimeOnly(9, 0), new TimeOnly(13, 0)),
    ];

    [Fact]
    public void Several_intervals_a_day_come_out_in_utc()
    {
        var slots = Availability.Between(Utc(23, 0), Utc(24, 3), SaoPaulo, MondayAndTuesday, [], []);
        // São Paulo is UTC-3: 09:00 local = 12:00 UTC.
        Assert.Equal([new UtcInterval(Utc(23, 12), Utc(23, 15)), new UtcInterval(Utc(23, 17), Utc(23, 21))], slots);
    }

    [Fact]
    public void A_day_off_removes_the_whole_day()
    {
        var dayOff = new AvailabilityException(new DateOnly(2026, 11, 23), AvailabilityExceptionKind.TimeOff, null, null);
        var slots = Availability.Between(Utc(23, 0), Utc(25, 3), SaoPaulo, MondayAndTuesday, [dayOff], []);
        Assert.Equal([new UtcInterval(Utc(24, 12), Utc(24, 16))], slots);
    }

    [Fact]
    public void Blocked_hours_cut_an_interval_and_extra_hours_add_one()
    {
        var monday = new DateOnly(2026, 11, 23);
        AvailabilityException[] exceptions =
        [
            new(monday, AvailabilityExceptionKind.Blocked, new TimeOnly(10, 0), new TimeOnly(11, 0)),
            new(monday, AvailabilityExceptionKind.ExtraHours, new TimeOnly(18, 0), new TimeOnly(20, 0)),
        ];
        var slots = Availability.Between(Utc(23, 0), Utc(24, 3), SaoPaulo, MondayAndTuesday, exceptions, []);
        Assert.Equal(
        [
            new UtcInterval(Utc(23, 12), Utc(23, 13)),
            new UtcInterval(Utc(23, 14), Utc(23, 15)),
            new UtcInterval(Utc(23, 17), Utc(23, 23)), // 14:00-20:00 local, merged with the extra hours
        ], slots);
    }

    [Fact]
    public void A_clinic_holiday_closes_every_professional()
    {
        var slots = Availability.Between(Utc(23, 0), Utc(25, 3), SaoPaulo, MondayAndTuesday, [], [new DateOnly(2026, 11, 24)]);
        Assert.DoesNotContain(slots, s => s.Start.Day == 24);
        Assert.Equal(2, slots.Count);
    }

    [Fact]
    public void A_local_evening_that_crosses_midnight_utc_stays_on_its_local_day()
    {
        // Monday 19:00-23:00 in São Paulo is Monday 22:00 to Tuesday 02:00 UTC.
        WeeklyInterval[] evening = [new(DayOfWeek.Monday, new TimeOnly(19, 0), new TimeOnly(23, 0))];
        var slots = Availability.Between(Utc(23, 0), Utc(25, 0), SaoPaulo, evening, [], []);
        Assert.Equal([new UtcInterval(Utc(23, 22), Utc(24, 2))], slots);

        // Asking from Tuesday 00:00 UTC (still Monday 21:00 local) gets the rest of Monday's evening.
        var tail = Availability.Between(Utc(24, 0), Utc(24, 12), SaoPaulo, evening, [], []);
        Assert.Equal([new UtcInterval(Utc(24, 0), Utc(24, 2))], tail);

        // A day off on the local Monday removes the part after midnight UTC too.
        var off = new AvailabilityException(new DateOnly(2026, 11, 23), AvailabilityExceptionKind.TimeOff, null, null);
        Assert.Empty(Availability.Between(Utc(23, 0), Utc(25, 0), SaoPaulo, evening, [off], []));
    }

    [Fact]
    public void The_zone_is_the_clinics_own()
    {
        var slots = Availability.Between(Utc(23, 0), Utc(24, 6), Manaus, MondayAndTuesday, [], []);
        Assert.Equal(Utc(23, 13), slots[0].Start); // Manaus is UTC-4
    }

    [Fact]
    public void Covers_needs_the_whole_appointment_inside_one_interval()
    {
        var slots = Availability.Between(Utc(23, 0), Utc(24, 3), SaoPaulo, MondayAndTuesday, [], []);
        Assert.True(Availability.Covers(slots, Utc(23, 12), Utc(23, 15)));
        Assert.False(Availability.Covers(slots, Utc(23, 14, 30), Utc(23, 15, 30)));
        Assert.False(Availability.Covers(slots, Utc(23, 11, 45), Utc(23, 12, 15)));
    }

    [Fact]
    public void Old_data_with_daylight_saving_is_converted_with_the_zone_database()
    {
        // 2018-11-05 was in Brazilian summer time (UTC-2) in São Paulo.
        WeeklyInterval[] monday = [new(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(10, 0))];
        var from = new DateTime(2018, 11, 5, 0, 0, 0, DateTimeKind.Utc);
        var slots = Availability.Between(from, from.AddDays(1), SaoPaulo, monday, [], []);
        Assert.Equal(new DateTime(2018, 11, 5, 11, 0, 0, DateTimeKind.Utc), slots.Single().Start);
    }
}
