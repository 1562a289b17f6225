using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Features.Compliance.Audit;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Localization;

namespace NeonPro.Web.Areas.Identity.Pages.Account;

/// <summary>
/// What the two second-step sign-in pages (authenticator code, recovery code) have in common: they are reachable only
/// right after a correct password, and Identity's answer is audited and leads to the same places.
/// </summary>
public abstract class SecondFactorPageModel(
    SignInManager<StaffUser> signIn,
    UserManager<StaffUser> users,
    AuditLog audit,
    NeonProDbContext db,
    IStringLocalizer<SharedResource> T) : PageModel
{
    protected SignInManager<StaffUser> SignInManager => signIn;
    public string ReturnUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = SignInAudit.LocalReturnUrl(Url, returnUrl);
        // Only reachable right after a correct password: otherwise start again.
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("./Login", new { returnUrl = ReturnUrl });
        return Page();
    }

    /// <summary>The user who gave the right password, or null when the page was reached any other way.</summary>
    protected async Task<StaffUser?> PasswordCheckedUserAsync(string? returnUrl)
    {
        ReturnUrl = SignInAudit.LocalReturnUrl(Url, returnUrl);
        return await signIn.GetTwoFactorAuthenticationUserAsync();
    }

    protected IActionResult StartAgain() => RedirectToPage("./Login", new { returnUrl = ReturnUrl });

    /// <summary>Audits Identity's answer and goes where it leads; wrongCode is the pt-BR sentence for a wrong code.</summary>
    protected async Task<IActionResult> ConcludeAsync(Microsoft.AspNetCore.Identity.SignInResult result, StaffUser user, string method, string wrongCode)
    {
        switch (await SignInAudit.ConcludeSecondFactorAsync(result, audit, users, db, user, method))
        {
            case SignInAudit.SecondFactor.SignedIn:
                Response.SetCultureCookie(user.PreferredCulture);
                return LocalRedirect(ReturnUrl);
            case SignInAudit.SecondFactor.LockedOut:
                return RedirectToPage("./Lockout");
            case SignInAudit.SecondFactor.Disabled:
                return Refused(LoginModel.AccountDisabled);
            default:
                return Refused(wrongCode);
        }
    }

    protected PageResult Refused(string? message = null)
    {
        if (message is not null) ModelState.AddModelError(string.Empty, T[message]);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
