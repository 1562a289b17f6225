using System.Security.Claims;

namespace NeonPro.Web.Infrastructure.Auth;

/// <summary>Who is acting, read the same way everywhere from the signed-in staff member's claims.</summary>
public static class StaffPrincipal
{
    /// <summary>The staff user's id (Identity's NameIdentifier claim); null when nobody is signed in.</summary>
    public static string? ActorId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The name people recognise: the full name StaffClaimsFactory adds, else the sign-in name.</summary>
    public static string? ActorName(this ClaimsPrincipal user) =>
        user.FindFirstValue(StaffClaimsFactory.FullNameClaim) ?? user.Identity?.Name;
}
