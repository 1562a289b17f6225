namespace NeonPro.Web.Data;

/// <summary>Model annotations the audit interceptor reads, for properties we cannot put attributes on (Identity's).</summary>
public static class AuditAnnotations
{
    public const string Identifying = "NeonPro:Audit:Identifying";
    /// <summary>On a property: a secret (see SecretAttribute). On an entity type: every property but the key is.</summary>
    public const string Secret = "NeonPro:Audit:Secret";
}
