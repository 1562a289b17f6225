namespace NeonPro.Web.Data;

/// <summary>Model annotations the audit interceptor reads, for properties we cannot put attributes on (Identity's).</summary>
public static class AuditAnnotations
{
    public const string Identifying = "NeonPro:Audit:Identifying";
    public const string NotAudited = "NeonPro:Audit:NotAudited";
}
