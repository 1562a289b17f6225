using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace NeonPro.Web.Data;

/// <summary>Model annotations the audit interceptor reads, for properties we cannot put attributes on (Identity's).</summary>
public static class AuditAnnotations
{
    public const string Identifying = "NeonPro:Audit:Identifying";
    /// <summary>On a property: a secret (see SecretAttribute). On an entity type: every property but the key is.</summary>
    public const string Secret = "NeonPro:Audit:Secret";
    /// <summary>
    /// On an entity type whose class we do not own (Identity's, the data-protection key ring, join tables): the
    /// <see cref="AuditedAs"/> name of why its changes are audited. Our own classes carry <see cref="AuditedAttribute"/>.
    /// </summary>
    public const string Audited = "NeonPro:Audit:Audited";
}

/// <summary>Why changes to an entity type belong in the audit trail (the LGPD and CFM reasons the clinic must answer for).</summary>
public enum AuditedAs
{
    /// <summary>Health data, consents, appointments: what was done to a patient and on whose word.</summary>
    Clinical,
    /// <summary>Who a person is: patients' and staff's personal data.</summary>
    Personal,
    /// <summary>Products, lots and equipment the clinic holds.</summary>
    Stock,
    /// <summary>Prices, fees and payments.</summary>
    Money,
    /// <summary>Accounts, roles, sign-in material, keys.</summary>
    Security,
    /// <summary>How the clinic is set up (hours, rooms, policies): it decides who may be booked and what is charged.</summary>
    ClinicSetup,
}

/// <summary>Changes to this entity type are written to the audit trail, for the stated reason.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AuditedAttribute(AuditedAs reason) : Attribute
{
    public AuditedAs Reason => reason;
}

/// <summary>
/// Changes to this entity type are not audited (operational rows: job store, delivery attempts, export progress), and
/// a save that touches only such rows never waits on the audit chain's lock. The reason is required and is the review's.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NotAuditedAttribute(string reason) : Attribute { public string Reason => reason; }

/// <summary>The decision recorded for an entity type: audited and why, not audited and why, or none (a model error).</summary>
public sealed record AuditClassification(AuditedAs? AuditedAs, string? NotAuditedReason)
{
    public bool IsAudited => NotAuditedReason is null;
    public bool IsDecided => AuditedAs is not null || NotAuditedReason is not null;

    public static AuditClassification Of(IReadOnlyEntityType type)
    {
        // Shared-type entities (join tables) are Dictionary<string, object>: only an annotation can speak for them.
        var clr = type.HasSharedClrType ? null : type.ClrType;
        var notAudited = clr?.GetCustomAttribute<NotAuditedAttribute>(inherit: false);
        AuditedAs? audited = clr?.GetCustomAttribute<AuditedAttribute>(inherit: false)?.Reason;
        if (audited is null && type.FindAnnotation(AuditAnnotations.Audited)?.Value is string name
            && Enum.TryParse<AuditedAs>(name, out var parsed)) audited = parsed;
        return new AuditClassification(audited, notAudited?.Reason);
    }
}
