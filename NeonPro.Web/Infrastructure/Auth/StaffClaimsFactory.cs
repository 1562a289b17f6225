using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace NeonPro.Web.Infrastructure.Auth;

/// <summary>
/// Adds the staff member's full name to the sign-in cookie, so every page can greet them without a query, and whether
/// they must pair an authenticator again, so every page can send them there without one.
/// </summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    public const string FullNameClaim = "full_name";
    /// <summary>Present while the person must pair an authenticator again (SecondFactorEnrolment reads it).</summary>
    public const string MustEnrollTwoFactorClaim = "must_enroll_2fa";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.FullName)) identity.AddClaim(new Claim(FullNameClaim, user.FullName));
        if (user.MustEnrollTwoFactor) identity.AddClaim(new Claim(MustEnrollTwoFactorClaim, "true"));
        return identity;
    }
}
