using NeonPro.Web.Data;

namespace NeonPro.Web.Domain.Patients;

/// <summary>What a patient consents to (LGPD Art. 7, 8, 11): one consent per purpose.</summary>
public enum ConsentPurpose
{
    /// <summary>Processing of health data for the patient's care.</summary>
    HealthCare,
    /// <summary>Photographs (image use) beyond the record.</summary>
    ImageUse,
    Marketing,
    ThirdPartySharing,
    Research,
}

public enum ConsentMethod { InPerson, SignedForm, Digital }

/// <summary>The text of a consent term for one purpose, as an immutable version the patient agreed to.</summary>
[Audited(AuditedAs.Clinical)]
public class ConsentTerm
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public ConsentPurpose Purpose { get; set; }
    public string Version { get; set; } = "";
    public string Text { get; set; } = "";
    /// <summary>SHA-256 of Text, hex: proves which exact words were agreed to.</summary>
    public string Sha256 { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }
}

/// <summary>
/// A patient's consent for one purpose. Withdrawal (free, at any time: Art. 8 §5) is recorded on the row and never
/// erases it: the clinic must be able to prove what was consented, when, and when it stopped.
/// </summary>
[Audited(AuditedAs.Clinical)]
public class PatientConsent : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public ConsentPurpose Purpose { get; set; }
    public Guid TermId { get; set; }
    public ConsentTerm? Term { get; set; }
    public DateTime GrantedAtUtc { get; set; }
    public string? RecordedByUserId { get; set; }
    public string? RecordedByName { get; set; }
    public ConsentMethod Method { get; set; }
    public DateTime? WithdrawnAtUtc { get; set; }
    public string? WithdrawnByUserId { get; set; }
    public string? WithdrawnByName { get; set; }
    /// <summary>Free text, often the patient's own words, which can name people.</summary>
    [Identifying] public string? WithdrawalReason { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsCurrentAt(DateTime utc) => GrantedAtUtc <= utc && (WithdrawnAtUtc is null || WithdrawnAtUtc > utc);
}

/// <summary>The rules other features call before acting on a patient's consent.</summary>
public static class ConsentRules
{
    /// <summary>
    /// No marketing message may ever go to a patient without a current marketing consent. Reminders of booked
    /// appointments rest on the contract (Art. 7 V) and do not ask this.
    /// </summary>
    public static bool MayReceiveMarketing(IEnumerable<PatientConsent> consents, DateTime nowUtc) =>
        consents.Any(c => c.Purpose == ConsentPurpose.Marketing && c.IsCurrentAt(nowUtc));

    public static bool HasCurrent(IEnumerable<PatientConsent> consents, ConsentPurpose purpose, DateTime nowUtc) =>
        consents.Any(c => c.Purpose == purpose && c.IsCurrentAt(nowUtc));
}

/// <summary>The data-subject rights of LGPD Art. 18 a request can invoke.</summary>
public enum DataSubjectRight
{
    ConfirmationAndAccess,
    Correction,
    AnonymizationOrDeletion,
    Portability,
    SharingInformation,
    ConsentRevocation,
}

public enum DataSubjectRequestStatus { Open, InProgress, Completed, Refused }

/// <summary>A request from a patient exercising a right of LGPD Art. 18; answered within 15 days (Art. 19).</summary>
[Audited(AuditedAs.Personal)]
public class DataSubjectRequest : IVersioned
{
    public const int DaysToAnswer = 15;
    /// <summary>An open request due within this many days is shown to managers as needing action, overdue ones too.</summary>
    public const int NearDeadlineDays = 5;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public DataSubjectRight Right { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public DateOnly DueOn { get; set; }
    public bool IdentityVerified { get; set; }
    public DataSubjectRequestStatus Status { get; set; } = DataSubjectRequestStatus.Open;
    /// <summary>Free text about the request (who asked, by which channel, for whom): it can name people.</summary>
    [Identifying] public string? Details { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
    public string? Outcome { get; set; }
    /// <summary>A refusal states its factual or legal reason (Art. 18 §4).</summary>
    [Identifying] public string? RefusalReason { get; set; }
    public string? HandledByUserId { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Calendar days from the day the request arrived, in the clinic's zone (Art. 19 II: "contado da data do requerimento").</summary>
    public static DateOnly DueFor(DateOnly receivedOn) => receivedOn.AddDays(DaysToAnswer);

    /// <summary>Days past the due date (0 when not overdue).</summary>
    public int DaysOverdueOn(DateOnly today) => IsOverdueOn(today) ? today.DayNumber - DueOn.DayNumber : 0;

    public bool IsOverdueOn(DateOnly today) =>
        Status is DataSubjectRequestStatus.Open or DataSubjectRequestStatus.InProgress && today > DueOn;
}
