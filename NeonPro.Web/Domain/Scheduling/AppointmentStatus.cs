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

    /// <summary>
    /// Statuses that hold the professional, the room and the patient: they block overlapping bookings. A list, not
    /// only a predicate, so a database query can ask the same question (EF Core translates Contains on it).
    /// </summary>
    public static readonly IReadOnlyList<AppointmentStatus> TimeHolding =
    [
        AppointmentStatus.Scheduled, AppointmentStatus.Confirmed, AppointmentStatus.Arrived,
        AppointmentStatus.InProgress, AppointmentStatus.Completed,
    ];

    public static bool OccupiesTime(AppointmentStatus s) => TimeHolding.Contains(s);

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

    /// <summary>Working hours within one day: 08:00–12:00 and 12:00–18:00 are back to back, not overlapping.</summary>
    public static bool Overlaps(TimeOnly aStart, TimeOnly aEnd, TimeOnly bStart, TimeOnly bEnd) =>
        aStart < bEnd && bStart < aEnd;

    /// <summary>
    /// Validity periods in whole days, both ends included and either end open (null: since always, until further
    /// notice). Two scope rules for one treatment whose periods overlap would leave the rule to pick one silently.
    /// </summary>
    public static bool Overlaps(DateOnly? aFrom, DateOnly? aUntil, DateOnly? bFrom, DateOnly? bUntil) =>
        (aFrom ?? DateOnly.MinValue) <= (bUntil ?? DateOnly.MaxValue) && (bFrom ?? DateOnly.MinValue) <= (aUntil ?? DateOnly.MaxValue);
}

/// <summary>The clinic's late-cancellation policy: a fee when cancelled less than N hours before the start.</summary>
public sealed record CancellationPolicy(int NoticeHours, decimal LateFee)
{
    public decimal FeeFor(DateTime cancelledAtUtc, DateTime startUtc) =>
        LateFee > 0 && startUtc - cancelledAtUtc < TimeSpan.FromHours(NoticeHours) ? LateFee : 0m;
}
