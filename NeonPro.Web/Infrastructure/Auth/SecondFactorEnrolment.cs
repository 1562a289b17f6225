using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NeonPro.Web.Infrastructure.Htmx;

namespace NeonPro.Web.Infrastructure.Auth;

/// <summary>
/// Keeps a person whose authenticator was withdrawn (StaffUser.MustEnrollTwoFactor) on the set-up page: every page
/// and endpoint outside the account pages sends them there until they pair a new app. The account pages stay open, so
/// they can still sign out, change their password or read the recovery codes they are given; so do the public ones
/// (sign-in, health, static files) and the language picker. A middleware rather than a page filter, so the JSON
/// endpoints (a manager's patient export) are held back too: what is not explicitly allowed is refused.
/// </summary>
public static class SecondFactorEnrolment
{
    public const string EnrolmentPage = "/Identity/Account/Manage/EnableAuthenticator";

    public static IApplicationBuilder UseSecondFactorEnrolment(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (!http.User.HasClaim(StaffClaimsFactory.MustEnrollTwoFactorClaim, "true") || MayPass(http))
            {
                await next();
                return;
            }
            if (http.Request.WantsFragment())
            {
                // A fragment call: the whole page goes to the set-up page, not a piece of it.
                http.Response.StatusCode = StatusCodes.Status204NoContent;
                http.Response.Htmx(h => h.Redirect(EnrolmentPage));
            }
            else if (http.Request.Path.StartsWithSegments("/api"))
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
            else http.Response.Redirect(EnrolmentPage);
        });

    private static bool MayPass(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        if (endpoint is null) return true; // nothing will answer but 404
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return true;
        if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { AreaName: "Identity" }) return true;
        return http.Request.Path.StartsWithSegments("/account/culture");
    }
}
