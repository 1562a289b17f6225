using NeonPro.Web.Domain.Scheduling;

namespace NeonPro.Web.Tests.Domain.Scheduling;

public sealed class PastBookingTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 13, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_booking_that_starts_before_now_is_refused()
    {
        Assert.Equal(PastBookingRefusal.StartsInThePast, PastBooking.Check(Now.AddMinutes(-16), Now, recordedAs: null, mayRecord: true));
        Assert.Equal(PastBookingRefusal.StartsInThePast, PastBooking.Check(Now - PastBooking.WalkInGrace - TimeSpan.FromTicks(1), Now, recordedAs: null, mayRecord: false));
        Assert.Equal(PastBookingRefusal.StartsInThePast, PastBooking.Check(Now.AddDays(-30), Now, recordedAs: null, mayRecord: false));
    }

    [Fact]
    public void A_walk_in_is_booked_into_the_slot_that_began_a_few_minutes_ago()
    {
        Assert.Equal(PastBookingRefusal.None, PastBooking.Check(Now.AddMinutes(-7), Now, recordedAs: null, mayRecord: false));
        Assert.Equal(PastBookingRefusal.None, PastBooking.Check(Now - PastBooking.WalkInGrace, Now, recordedAs: null, mayRecord: false));
    }

    [Fact]
    public void A_booking_from_now_on_is_accepted()
    {
        Assert.Equal(PastBookingRefusal.None, PastBooking.Check(Now, Now, recordedAs: null, mayRecord: false));
        Assert.Equal(PastBookingRefusal.None, PastBooking.Check(Now.AddDays(1), Now, recordedAs: null, mayRecord: false));
    }

    [Theory]
    [InlineData(AppointmentStatus.Completed)]
    [InlineData(AppointmentStatus.NoShow)]
    public void A_manager_records_a_past_visit_with_its_outcome(AppointmentStatus outcome)
    {
        Assert.Equal(PastBookingRefusal.None, PastBooking.Check(Now.AddDays(-2), Now, outcome, mayRecord: true));
    }

    [Fact]
    public void Someone_else_may_not_record_a_past_visit()
    {
        Assert.Equal(PastBookingRefusal.NotAllowedToRecord, PastBooking.Check(Now.AddDays(-2), Now, AppointmentStatus.Completed, mayRecord: false));
    }

    [Theory]
    [InlineData(AppointmentStatus.Scheduled)]
    [InlineData(AppointmentStatus.Confirmed)]
    [InlineData(AppointmentStatus.Rescheduled)]
    public void A_record_needs_an_outcome_not_a_booking_status(AppointmentStatus status)
    {
        Assert.Equal(PastBookingRefusal.NotARecordableStatus, PastBooking.Check(Now.AddDays(-2), Now, status, mayRecord: true));
    }

    [Fact]
    public void A_record_of_what_happened_cannot_start_in_the_future()
    {
        Assert.Equal(PastBookingRefusal.RecordStartsInTheFuture, PastBooking.Check(Now.AddHours(1), Now, AppointmentStatus.Completed, mayRecord: true));
    }
}
