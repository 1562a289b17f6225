using Microsoft.AspNetCore.Identity;
using NeonPro.Web.Data;

namespace NeonPro.Web.Infrastructure.Auth;

/// <summary>A member of the clinic's staff who signs in: receptionist, professional, manager or admin.</summary>
[Audited(AuditedAs.Security)]
public class StaffUser : IdentityUser
{
    public string FullName { get; set; } = "";
    /// <summary>"pt-BR" or "en"; applied at sign-in and when the user picks a language.</summary>
    public string PreferredCulture { get; set; } = "pt-BR";
    /// <summary>A disabled account cannot sign in; it is kept so the audit trail still names its actions.</summary>
    public bool IsDisabled { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>
    /// The authenticator was withdrawn (its secrets could be read by others, see LeakedSecondFactorReset): the app stays
    /// closed to this person, past the account pages, until they pair an authenticator again.
    /// </summary>
    public bool MustEnrollTwoFactor { get; set; }
}

/// <summary>The roles of the clinic. Role names are stored as these constants.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Manager = "Manager";
    public const string Professional = "Professional";
    public const string Receptionist = "Receptionist";

    public static readonly IReadOnlyList<string> All = [Admin, Manager, Professional, Receptionist];
}

/// <summary>Authorization policy names used by the feature folders.</summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string ManagerOrAdmin = "ManagerOrAdmin";
    public const string FrontDesk = "FrontDesk";
    public const string Clinical = "Clinical";
    /// <summary>Every staff role: the agenda and the patients are everyone's daily work.</summary>
    public const string Staff = "Staff";
}
