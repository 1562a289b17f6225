namespace NeonPro.Web.Domain.Scheduling;

public enum PastBookingRefusal
{
    None,
    /// <summary>A new booking (or a move) that starts before now.</summary>
    StartsInThePast,
    /// <summary>Only a manager or an admin records an appointment that already happened.</summary>
    NotAllowedToRecord,
    /// <summary>What happened is told with a final status: completed or missed.</summary>
    NotARecordableStatus,
    /// <summary>A record of what already happened cannot start in the future.</summary>
    RecordStartsInTheFuture,
}

/// <summary>
/// When a booking may start. The agenda is for what is to come: a start before now is refused, or a receptionist's
/// slip of the date would silently book a time nobody can attend. The one exception is a manager recording, on
/// purpose, a visit that already took place (paper agenda, system down), which is stored with its true outcome.
/// A slot that began a few minutes ago still counts as to come (<see cref="WalkInGrace"/>).
/// </summary>
public static class PastBooking
{
    /// <summary>
    /// How long after its start a slot can still be booked: a walk-in at 10:07 is booked into the 10:00 slot that is
    /// free, and is seen now. Longer than that is a slip of the date or a record of the past, which needs a manager.
    /// </summary>
    public static readonly TimeSpan WalkInGrace = TimeSpan.FromMinutes(15);

    /// <summary>The outcomes a visit recorded after the fact may have.</summary>
    public static readonly IReadOnlyList<AppointmentStatus> RecordableStatuses = [AppointmentStatus.Completed, AppointmentStatus.NoShow];

    /// <param name="recordedAs">null for an ordinary booking; the outcome when recording a visit that already happened.</param>
    /// <param name="mayRecord">whether the person is a manager or an admin.</param>
    public static PastBookingRefusal Check(DateTime startUtc, DateTime nowUtc, AppointmentStatus? recordedAs, bool mayRecord)
    {
        if (recordedAs is not { } status) return startUtc < nowUtc - WalkInGrace ? PastBookingRefusal.StartsInThePast : PastBookingRefusal.None;
        if (!mayRecord) return PastBookingRefusal.NotAllowedToRecord;
        if (!RecordableStatuses.Contains(status)) return PastBookingRefusal.NotARecordableStatus;
        return startUtc >= nowUtc ? PastBookingRefusal.RecordStartsInTheFuture : PastBookingRefusal.None;
    }
}
