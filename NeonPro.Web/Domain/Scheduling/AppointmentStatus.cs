namespace NeonPro.Web.Domain.Scheduling;

public enum AppointmentStatus
{
    Scheduled,
    Confirmed,
    /// <summary>Checked in at the front desk.</summary>
    Arrived,
    InProgress,
    Completed,
    Cancelled,
    NoShow,
    /// <summary>Moved to another time: this row stays as history and links to the new appointment.</summary>
    Rescheduled,
}

public enum TransitionRefusal
{
    None,
    NotAllowed,
    /// <summary>No-show can only be recorded once the appointment's start time has passed.</summary>
    NoShowBeforeStart,
    AlreadyFinal,
}

/// <summary>
/// The appointment status machine. Every status change in the app goes through Check, so an invalid
/// transition is refused in one place.
/// </summary>
public static class AppointmentStateMachine
{
    private static readonly Dictionary<AppointmentStatus, AppointmentStatus[]> Allowed = new()
    {
        [AppointmentStatus.Scheduled] = [AppointmentStatus.Confirmed, AppointmentStatus.Arrived, AppointmentStatus.Cancelled, AppointmentStatus.NoShow, AppointmentStatus.Rescheduled],
        [AppointmentStatus.Confirmed] = [AppointmentStatus.Arrived, AppointmentStatus.Cancelled, AppointmentStatus.NoShow, AppointmentStatus.Rescheduled],
        // A patient who arrived can still leave before being seen (cancelled), but is no longer a no-show.
        [AppointmentStatus.Arrived] = [AppointmentStatus.InProgress, AppointmentStatus.Cancelled],
        [AppointmentStatus.InProgress] = [AppointmentStatus.Completed],
        [AppointmentStatus.Completed] = [],
        [AppointmentStatus.Cancelled] = [],
        [AppointmentStatus.NoShow] = [],
        [AppointmentStatus.Rescheduled] = [],
    };

    public static bool IsFinal(AppointmentStatus s) => Allowed[s].Length == 0;

    /// <summary>Statuses that hold the professional, the room and the patient: they block overlapping bookings.</summary>
    public static bool OccupiesTime(AppointmentStatus s) =>
        s is AppointmentStatus.Scheduled or AppointmentStatus.Confirmed or AppointmentStatus.Arrived
            or AppointmentStatus.InProgress or AppointmentStatus.Completed;

    public static IReadOnlyList<AppointmentStatus> NextFrom(AppointmentStatus s) => Allowed[s];

    public static TransitionRefusal Check(AppointmentStatus from, AppointmentStatus to, DateTime nowUtc, DateTime startUtc)
    {
        if (IsFinal(from)) return TransitionRefusal.AlreadyFinal;
        if (!Allowed[from].Contains(to)) return TransitionRefusal.NotAllowed;
        if (to == AppointmentStatus.NoShow && nowUtc < startUtc) return TransitionRefusal.NoShowBeforeStart;
        return TransitionRefusal.None;
    }
}

/// <summary>Overlap of half-open intervals [start, end): back-to-back appointments do not overlap.</summary>
public static class TimeOverlap
{
    public static bool Overlaps(DateTime aStart, DateTime aEnd, DateTime bStart, DateTime bEnd) =>
        aStart < bEnd && bStart < aEnd;
}

/// <summary>The clinic's late-cancellation policy: a fee when cancelled less than N hours before the start.</summary>
public sealed record CancellationPolicy(int NoticeHours, decimal LateFee)
{
    public decimal FeeFor(DateTime cancelledAtUtc, DateTime startUtc) =>
        LateFee > 0 && startUtc - cancelledAtUtc < TimeSpan.FromHours(NoticeHours) ? LateFee : 0m;
}
