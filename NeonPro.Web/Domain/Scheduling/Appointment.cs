using NeonPro.Web.Data;

namespace NeonPro.Web.Domain.Scheduling;

/// <summary>A booked time of a patient with a professional, for a treatment, usually in a room.</summary>
[Audited(AuditedAs.Clinical)]
public class Appointment : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public Guid ProfessionalId { get; set; }
    public Guid TreatmentId { get; set; }
    public Guid? RoomId { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public AppointmentStatus Status { get; set; } = AppointmentStatus.Scheduled;
    /// <summary>The front desk's free text ("vem com a filha Ana"): it can name the patient or others, so it is [Identifying].</summary>
    [Identifying] public string? Notes { get; set; }
    /// <summary>Named when the professional performs this treatment under supervision.</summary>
    public Guid? SupervisorId { get; set; }
    /// <summary>The appointment this one replaced when it was moved (Rescheduled keeps the chain).</summary>
    public Guid? RescheduledFromId { get; set; }
    /// <summary>How many times this booking has been moved, counted along the chain.</summary>
    public int MoveCount { get; set; }
    public DateTime? CancelledAtUtc { get; set; }
    public string? CancelledByName { get; set; }
    /// <summary>Free text typed at cancellation; it can name people ("a filha Ana ligou").</summary>
    [Identifying] public string? CancellationReason { get; set; }
    public decimal? CancellationFee { get; set; }
    /// <summary>Warnings the receptionist acknowledged when booking (missing consent, old allergy list...).</summary>
    public string? AcknowledgedWarnings { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedByName { get; set; }
    /// <summary>Who last changed it and when: the conflict message says "changed by X at HH:mm".</summary>
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedByName { get; set; }
    public List<AppointmentStatusChange> History { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>
    /// Takes the next status and writes the step into the history. Callers check the transition first to say why
    /// it is refused; this throws only on a caller that did not, so no invalid step is ever stored.
    /// </summary>
    public void ChangeStatus(AppointmentStatus to, DateTime nowUtc, string? byUserId, string? byName, string? note = null)
    {
        var refusal = AppointmentStateMachine.Check(Status, to, nowUtc, StartUtc);
        if (refusal != TransitionRefusal.None) throw new InvalidOperationException($"{Status} -> {to}: {refusal}");
        History.Add(new AppointmentStatusChange
        {
            AppointmentId = Id, From = Status, To = to, AtUtc = nowUtc, ByUserId = byUserId, ByName = byName, Note = note,
        });
        Status = to;
        UpdatedAtUtc = nowUtc;
        UpdatedByName = byName;
    }

    /// <summary>Cancels, keeping who cancelled, why, and the fee the clinic's policy charges (none when zero).</summary>
    public void Cancel(DateTime nowUtc, string? byUserId, string? byName, string reason, decimal fee)
    {
        ChangeStatus(AppointmentStatus.Cancelled, nowUtc, byUserId, byName, reason);
        CancelledAtUtc = nowUtc;
        CancelledByName = byName;
        CancellationReason = reason;
        CancellationFee = fee > 0 ? fee : null;
    }
}

/// <summary>One step of an appointment's history, shown in its panel.</summary>
[Audited(AuditedAs.Clinical)]
public class AppointmentStatusChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AppointmentId { get; set; }
    public AppointmentStatus? From { get; set; }
    public AppointmentStatus To { get; set; }
    public DateTime AtUtc { get; set; }
    public string? ByUserId { get; set; }
    public string? ByName { get; set; }
    /// <summary>Free text typed with the step (the cancellation's reason); it can name people.</summary>
    [Identifying] public string? Note { get; set; }
}

/// <summary>How the scheduling grid is laid out and the late-cancellation policy. One row.</summary>
[Audited(AuditedAs.Money)]
public class SchedulingSettings : IVersioned
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public int SlotMinutes { get; set; } = 15;
    public TimeOnly OpensAt { get; set; } = new(8, 0);
    public TimeOnly ClosesAt { get; set; } = new(20, 0);
    public int LateCancellationNoticeHours { get; set; } = 24;
    public decimal LateCancellationFee { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public CancellationPolicy CancellationPolicy => new(LateCancellationNoticeHours, LateCancellationFee);
}
