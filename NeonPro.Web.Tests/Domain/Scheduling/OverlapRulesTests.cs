using NeonPro.Web.Domain.Scheduling;

namespace NeonPro.Web.Tests.Domain.Scheduling;

public sealed class OverlapRulesTests
{
    private static TimeOnly T(int h, int m = 0) => new(h, m);
    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public void Working_hours_back_to_back_do_not_overlap_and_any_shared_minute_does()
    {
        Assert.False(TimeOverlap.Overlaps(T(8), T(12), T(12), T(18)));
        Assert.False(TimeOverlap.Overlaps(T(13), T(18), T(8), T(13)));
        Assert.True(TimeOverlap.Overlaps(T(8), T(12), T(11, 59), T(18)));
        Assert.True(TimeOverlap.Overlaps(T(9), T(10), T(8), T(18)));
    }

    [Fact]
    public void Scope_periods_include_both_ends_and_an_open_end_runs_forever()
    {
        Assert.True(TimeOverlap.Overlaps(D(1, 1), D(3, 31), D(3, 31), D(6, 30)));
        Assert.False(TimeOverlap.Overlaps(D(1, 1), D(3, 30), D(3, 31), D(6, 30)));
        Assert.True(TimeOverlap.Overlaps(null, null, D(3, 31), D(3, 31)));
        Assert.True(TimeOverlap.Overlaps(D(1, 1), null, D(12, 1), D(12, 31)));
        Assert.False(TimeOverlap.Overlaps(null, D(1, 31), D(2, 1), null));
    }

    [Theory]
    [InlineData(AppointmentStatus.Scheduled, true)]
    [InlineData(AppointmentStatus.Confirmed, true)]
    [InlineData(AppointmentStatus.Arrived, true)]
    [InlineData(AppointmentStatus.InProgress, true)]
    [InlineData(AppointmentStatus.Completed, true)]
    [InlineData(AppointmentStatus.Cancelled, false)]
    [InlineData(AppointmentStatus.NoShow, false)]
    [InlineData(AppointmentStatus.Rescheduled, false)]
    public void Only_statuses_that_hold_time_block_a_booking(AppointmentStatus status, bool holds)
    {
        Assert.Equal(holds, AppointmentStateMachine.OccupiesTime(status));
        Assert.Equal(holds, AppointmentStateMachine.TimeHolding.Contains(status));
    }
}
