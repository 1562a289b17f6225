using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Domain.Scheduling;

namespace NeonPro.Web.Tests.Domain.Scheduling;

public sealed class BookableDayTests
{
    private static readonly DateOnly Monday = new(2026, 11, 30);
    private static readonly WeeklyInterval[] MondaysNineToSix = [new(DayOfWeek.Monday, new(9, 0), new(18, 0))];

    private static DayUnavailable Check(DateOnly day, bool closed = false, CredentialStanding standing = CredentialStanding.Good, bool active = true,
        IEnumerable<WeeklyInterval>? weekly = null, params AvailabilityException[] exceptions) =>
        BookableDay.Check(day, closed, standing, active, weekly ?? MondaysNineToSix, exceptions);

    [Fact]
    public void A_working_day_in_good_standing_is_bookable_even_when_the_registration_lapses_soon()
    {
        Assert.Equal(DayUnavailable.None, Check(Monday));
        Assert.Equal(DayUnavailable.None, Check(Monday, standing: CredentialStanding.LapsingSoon));
    }

    [Theory]
    [InlineData(CredentialStanding.Suspended)]
    [InlineData(CredentialStanding.Cancelled)]
    [InlineData(CredentialStanding.Lapsed)]
    public void A_registration_not_in_good_standing_makes_the_whole_day_unbookable(CredentialStanding standing) =>
        Assert.Equal(DayUnavailable.RegistrationNotRegular, Check(Monday, standing: standing));

    [Fact]
    public void A_day_without_weekly_hours_is_unbookable_unless_extra_hours_were_added_for_it()
    {
        var sunday = Monday.AddDays(-1);
        Assert.Equal(DayUnavailable.NoWorkingHours, Check(sunday));
        Assert.Equal(DayUnavailable.None, Check(sunday, exceptions: new AvailabilityException(sunday, AvailabilityExceptionKind.ExtraHours, new(9, 0), new(12, 0))));
        // Extra hours on another date do not open this one.
        Assert.Equal(DayUnavailable.NoWorkingHours, Check(sunday, exceptions: new AvailabilityException(Monday, AvailabilityExceptionKind.ExtraHours, new(9, 0), new(12, 0))));
    }

    [Fact]
    public void A_whole_day_off_is_unbookable_but_a_few_hours_off_leave_the_rest_of_the_day()
    {
        Assert.Equal(DayUnavailable.TimeOff, Check(Monday, exceptions: new AvailabilityException(Monday, AvailabilityExceptionKind.TimeOff, null, null)));
        Assert.Equal(DayUnavailable.None, Check(Monday, exceptions: new AvailabilityException(Monday, AvailabilityExceptionKind.TimeOff, new(9, 0), new(12, 0))));
    }

    [Fact]
    public void The_clinic_closed_comes_first_then_the_registration_then_the_person_then_the_hours()
    {
        var dayOff = new AvailabilityException(Monday, AvailabilityExceptionKind.TimeOff, null, null);
        Assert.Equal(DayUnavailable.ClinicClosed, Check(Monday, closed: true, standing: CredentialStanding.Suspended, active: false, exceptions: dayOff));
        Assert.Equal(DayUnavailable.RegistrationNotRegular, Check(Monday, standing: CredentialStanding.Suspended, active: false, exceptions: dayOff));
        Assert.Equal(DayUnavailable.InactiveProfessional, Check(Monday, active: false, exceptions: dayOff));
        Assert.Equal(DayUnavailable.TimeOff, Check(Monday.AddDays(-1), exceptions: new AvailabilityException(Monday.AddDays(-1), AvailabilityExceptionKind.TimeOff, null, null)));
    }
}
