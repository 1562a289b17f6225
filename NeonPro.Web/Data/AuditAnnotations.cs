namespace NeonPro.Web.Data;

/// <summary>Model annotations the audit interceptor reads, for properties we cannot put attributes on (Identity's).</summary>
public static class AuditAnnotations
{
    public const string Identifying = "NeonPro:Audit:Identifying";
    /// <summary>On a property: a secret (see SecretAttribute). On an entity type: every property but the key is.</summary>
    public const string Secret = "NeonPro:Audit:Secret";
}

/// <summary>
/// On an entity class: the audit trail records nothing about its rows. Only for operational tables that hold no
/// clinic or personal data and change on their own (a job's run history); the reason says why, for the reviewer.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NotAuditedAttribute(string reason) : Attribute
{
    public string Reason => reason;
}
