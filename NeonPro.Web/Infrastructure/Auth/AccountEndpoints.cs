using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using NeonPro.Web.Infrastructure.Localization;

namespace NeonPro.Web.Infrastructure.Auth;

/// <summary>Small account endpoints outside Identity UI: the language picker, and the Identity UI pages we switch off.</summary>
public static class AccountEndpoints
{
    // Identity UI pages NeonPro does not offer: staff accounts are created by admins, there are no external
    // logins, and staff cannot delete their own account or download it (the audit trail must keep naming them).
    private static readonly string[] DisabledIdentityPages =
    [
        "/Identity/Account/Register", "/Identity/Account/RegisterConfirmation", "/Identity/Account/ExternalLogin",
        "/Identity/Account/ConfirmEmail", "/Identity/Account/ConfirmEmailChange", "/Identity/Account/ResendEmailConfirmation",
        "/Identity/Account/Manage/DeletePersonalData", "/Identity/Account/Manage/DownloadPersonalData",
        "/Identity/Account/Manage/PersonalData", "/Identity/Account/Manage/ExternalLogins", "/Identity/Account/Manage/Email",
        "/Identity/Account/Manage/SetPassword",
    ];

    public static bool IsDisabledIdentityPage(string path) =>
        DisabledIdentityPages.Any(p => string.Equals(p, path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));

    public static IApplicationBuilder UseDisabledIdentityPages(this IApplicationBuilder app) =>
        app.Use(async (ctx, next) =>
        {
            if (IsDisabledIdentityPage(ctx.Request.Path.Value ?? ""))
            {
                ctx.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next();
        });

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // The language picker in the navigation: remembered in a cookie and on the user's account.
        app.MapPost("/account/culture", async ([FromForm] string culture, [FromForm] string? returnUrl,
                HttpContext http, UserManager<StaffUser> users) =>
            {
                if (!LocalizationSetup.SupportedCultures.Contains(culture)) culture = LocalizationSetup.DefaultCulture;
                http.Response.SetCultureCookie(culture);
                var user = await users.GetUserAsync(http.User);
                if (user is not null && user.PreferredCulture != culture)
                {
                    user.PreferredCulture = culture;
                    await users.UpdateAsync(user);
                }
                var target = !string.IsNullOrEmpty(returnUrl) && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//")
                    ? returnUrl : "/";
                return Results.LocalRedirect(target);
            });
        return app;
    }
}
