using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using NeonPro.Web.Infrastructure.Htmx;

namespace NeonPro.Web.Infrastructure.Auth;

/// <summary>
/// Keeps a person whose authenticator was withdrawn (StaffUser.MustEnrollTwoFactor) on the set-up page: every page
/// outside the account pages sends them there until they pair a new app. The account pages stay open, so they can
/// still sign out, change their password or read the recovery codes they are given.
/// </summary>
public sealed class SecondFactorEnrolmentFilter : IAsyncPageFilter
{
    public const string EnrolmentPage = "/Identity/Account/Manage/EnableAuthenticator";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (context.ActionDescriptor.AreaName == "Identity" || !http.User.HasClaim(StaffClaimsFactory.MustEnrollTwoFactorClaim, "true"))
        {
            await next();
            return;
        }
        if (http.Request.IsHtmx())
        {
            // A fragment call: the whole page goes to the set-up page, not a piece of it.
            http.Response.HxRedirect(EnrolmentPage);
            context.Result = new NoContentResult();
        }
        else context.Result = new RedirectResult(EnrolmentPage);
    }
}
