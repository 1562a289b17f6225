using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Data;
using NeonPro.Web.Infrastructure.Auth;

namespace NeonPro.Web.Areas.Identity.Pages.Account;

/// <summary>The audit rows a sign-in attempt leaves, written alike by the password, authenticator and recovery-code pages.</summary>
internal static class SignInAudit
{
    public const string ByPassword = "password";
    public const string ByAuthenticator = "authenticator";
    public const string ByRecoveryCode = "recovery-code";

    /// <summary>A successful sign-in, with the user as the actor.</summary>
    public static async Task SucceededAsync(AuditLog audit, UserManager<StaffUser> users, StaffUser user, string method)
    {
        var row = audit.Add(AuditAction.SignIn, nameof(StaffUser), user.Id, new { method });
        // The request is still anonymous (the cookie is read from the next request on), so the interceptor
        // would record no actor: the row names the user who just signed in.
        row.UserId = user.Id;
        row.UserName = user.UserName;
        var roles = await users.GetRolesAsync(user);
        row.Role = roles.Count == 0 ? null : string.Join(",", roles.Order());
    }

    /// <summary>A refused attempt against a known account (SignInFailed or SignInLockedOut).</summary>
    public static void Refused(AuditLog audit, AuditAction action, StaffUser user, string method, string reason) =>
        audit.Add(action, nameof(StaffUser), user.Id, new { method, reason });

    /// <summary>Where to go after signing in: the page that sent the user here, if it is in this app.</summary>
    public static string LocalReturnUrl(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
