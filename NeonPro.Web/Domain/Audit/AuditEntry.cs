using NeonPro.Web.Data;

namespace NeonPro.Web.Domain.Audit;

/// <summary>
/// One row of the append-only audit trail. Rows form a hash chain: each stores the hash of the row
/// before it plus a hash of its own content, so changing or deleting a row is detectable.
/// </summary>
[NotAudited("the audit trail itself: its rows are sealed into the hash chain as they are added, never changed")]
public class AuditEntry
{
    /// <summary>Row identity, known before the row is sealed (several rows can be added in one save).</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Position in the chain (1, 2, 3...), assigned when the row is sealed; unique.</summary>
    public long Sequence { get; set; }
    public DateTime OccurredAtUtc { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? Role { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public AuditAction Action { get; set; }
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }
    /// <summary>JSON object of the values before the change; identifying values appear only as keyed hashes.</summary>
    public string? OldValues { get; set; }
    /// <summary>JSON object of the values after the change; identifying values appear only as keyed hashes.</summary>
    public string? NewValues { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

public enum AuditAction
{
    Insert,
    Update,
    Delete,
    SignIn,
    SignInFailed,
    SignInLockedOut,
    SignOut,
    UserCreated,
    UserDisabled,
    UserEnabled,
    PasswordReset,
    RolesChanged,
    View,
    Export,
    /// <summary>A person's authenticator key and recovery codes were withdrawn because others could read them.</summary>
    SecondFactorReset,
    /// <summary>A professional opened a chart outside their clinical relationships ("break the glass"), with a stated reason.</summary>
    EmergencyAccess,
    /// <summary>The fingerprint of the key that hashes identifiers in this trail, recorded when the key was first used.</summary>
    AuditKeyRecorded,
}
