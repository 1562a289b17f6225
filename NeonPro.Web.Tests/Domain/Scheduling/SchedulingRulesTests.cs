using NeonPro.Web.Domain.Scheduling;
using S = NeonPro.Web.Domain.Scheduling.AppointmentStatus;

namespace NeonPro.Web.Tests.Domain.Scheduling;

public class TimeOverlapTests
{
    private static DateTime T(int h, int m) => new(2026, 11, 23, h, m, 0, DateTimeKind.Utc);

    [Fact]
    public void Back_to_back_is_allowed() => Assert.False(TimeOverlap.Overlaps(T(9, 0), T(10, 0), T(10, 0), T(11, 0)));

    [Fact]
    public void One_minute_of_overlap_is_refused()
    {
        Assert.True(TimeOverlap.Overlaps(T(9, 0), T(10, 1), T(10, 0), T(11, 0)));
        Assert.True(TimeOverlap.Overlaps(T(10, 0), T(11, 0), T(9, 0), T(10, 1)));
    }

    [Fact]
    public void Containment_and_identity_overlap()
    {
        Assert.True(TimeOverlap.Overlaps(T(9, 0), T(12, 0), T(10, 0), T(10, 30)));
        Assert.True(TimeOverlap.Overlaps(T(9, 0), T(10, 0), T(9, 0), T(10, 0)));
    }

    [Fact]
    public void Apart_does_not_overlap() => Assert.False(TimeOverlap.Overlaps(T(9, 0), T(9, 30), T(9, 45), T(10, 0)));
}

public class AppointmentStateMachineTests
{
    private static readonly DateTime Start = new(2026, 11, 23, 13, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(S.Scheduled, S.Confirmed)]
    [InlineData(S.Confirmed, S.Arrived)]
    [InlineData(S.Scheduled, S.Arrived)]
    [InlineData(S.Arrived, S.InProgress)]
    [InlineData(S.InProgress, S.Completed)]
    [InlineData(S.Scheduled, S.Cancelled)]
    [InlineData(S.Confirmed, S.Cancelled)]
    [InlineData(S.Arrived, S.Cancelled)]
    [InlineData(S.Scheduled, S.Rescheduled)]
    [InlineData(S.Confirmed, S.Rescheduled)]
    public void Allowed_transitions(S from, S to) =>
        Assert.Equal(TransitionRefusal.None, AppointmentStateMachine.Check(from, to, Start.AddHours(-1), Start));

    [Theory]
    [InlineData(S.Scheduled, S.Completed)]
    [InlineData(S.Scheduled, S.InProgress)]
    [InlineData(S.Confirmed, S.Completed)]
    [InlineData(S.Arrived, S.NoShow)]
    [InlineData(S.InProgress, S.Cancelled)]
    [InlineData(S.Arrived, S.Rescheduled)]
    public void Refused_transitions(S from, S to) =>
        Assert.Equal(TransitionRefusal.NotAllowed, AppointmentStateMachine.Check(from, to, Start.AddHours(1), Start));

    [Theory]
    [InlineData(S.Completed)]
    [InlineData(S.Cancelled)]
    [InlineData(S.NoShow)]
    [InlineData(S.Rescheduled)]
    public void Final_statuses_change_no_more(S from)
    {
        foreach (var to in Enum.GetValues<S>())
            Assert.Equal(TransitionRefusal.AlreadyFinal, AppointmentStateMachine.Check(from, to, Start, Start));
    }

    [Fact]
    public void No_show_only_after_the_start_time()
    {
        Assert.Equal(TransitionRefusal.NoShowBeforeStart, AppointmentStateMachine.Check(S.Confirmed, S.NoShow, Start.AddMinutes(-1), Start));
        Assert.Equal(TransitionRefusal.None, AppointmentStateMachine.Check(S.Confirmed, S.NoShow, Start, Start));
        Assert.Equal(TransitionRefusal.None, AppointmentStateMachine.Check(S.Scheduled, S.NoShow, Start.AddMinutes(20), Start));
    }

    [Fact]
    public void Only_live_and_completed_appointments_hold_time()
    {
        Assert.True(AppointmentStateMachine.OccupiesTime(S.Scheduled));
        Assert.True(AppointmentStateMachine.OccupiesTime(S.InProgress));
        Assert.True(AppointmentStateMachine.OccupiesTime(S.Completed));
        Assert.False(AppointmentStateMachine.OccupiesTime(S.Cancelled));
        Assert.False(AppointmentStateMachine.OccupiesTime(S.NoShow));
        Assert.False(AppointmentStateMachine.OccupiesTime(S.Rescheduled));
    }
}

public class CancellationPolicyTests
{
    private static readonly DateTime Start = new(2026, 11, 23, 13, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_late_cancellation_pays_the_fee()
    {
        var policy = new CancellationPolicy(24, 80m);
        Assert.Equal(80m, policy.FeeFor(Start.AddHours(-23), Start));
        Assert.Equal(0m, policy.FeeFor(Start.AddHours(-24), Start));
        Assert.Equal(0m, new CancellationPolicy(24, 0m).FeeFor(Start.AddHours(-1), Start));
    }
}

public class AppointmentStepsTests
{
    private static readonly DateTime Start = new(2026, 11, 23, 13, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Each_step_is_written_into_the_history_with_who_and_when()
    {
        var a = new Appointment { StartUtc = Start, EndUtc = Start.AddHours(1) };
        a.ChangeStatus(S.Confirmed, Start.AddDays(-1), "u1", "Rafaela");
        a.ChangeStatus(S.Arrived, Start.AddMinutes(-5), "u1", "Rafaela");

        Assert.Equal(S.Arrived, a.Status);
        Assert.Equal([(S.Scheduled, S.Confirmed), (S.Confirmed, S.Arrived)], a.History.Select(h => ((S)h.From!, h.To)));
        Assert.Equal(Start.AddMinutes(-5), a.UpdatedAtUtc);
        Assert.Equal("Rafaela", a.UpdatedByName);
    }

    [Fact]
    public void A_step_the_status_machine_refuses_is_never_stored()
    {
        var a = new Appointment { StartUtc = Start, EndUtc = Start.AddHours(1) };
        Assert.Throws<InvalidOperationException>(() => a.ChangeStatus(S.Completed, Start, null, null));
        Assert.Throws<InvalidOperationException>(() => a.ChangeStatus(S.NoShow, Start.AddMinutes(-1), null, null));
        Assert.Equal(S.Scheduled, a.Status);
        Assert.Empty(a.History);
    }

    [Fact]
    public void Cancelling_keeps_who_why_and_a_fee_only_when_there_is_one()
    {
        var late = new Appointment { StartUtc = Start, EndUtc = Start.AddHours(1) };
        late.Cancel(Start.AddHours(-2), "u1", "Rafaela", "Paciente viajou", 80m);
        Assert.Equal((S.Cancelled, "Rafaela", "Paciente viajou", 80m), (late.Status, late.CancelledByName, late.CancellationReason, late.CancellationFee));
        Assert.Equal("Paciente viajou", late.History.Single().Note);

        var early = new Appointment { StartUtc = Start, EndUtc = Start.AddHours(1) };
        early.Cancel(Start.AddDays(-3), "u1", "Rafaela", "Remarcar depois", 0m);
        Assert.Null(early.CancellationFee);
    }
}
