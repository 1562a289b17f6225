using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
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

    // Only reachable right after a correct password: otherwise start again.
    public async Task<IActionResult> OnGetAsync(string? returnUrl) =>
        await PasswordCheckedUserAsync(returnUrl) is null ? StartAgain() : Page();

    /// <summary>The user who gave the right password, or null when the page was reached any other way.</summary>
    protected async Task<StaffUser?> PasswordCheckedUserAsync(string? returnUrl)
    {
        ReturnUrl = SignInAudit.LocalReturnUrl(Url, returnUrl);
        return await signIn.GetTwoFactorAuthenticationUserAsync();
    }

    protected IActionResult StartAgain() => RedirectToPage("./Login", new { returnUrl = ReturnUrl });

    /// <summary>
    /// Audits Identity's answer, saves, and goes where it leads; wrongCode is the pt-BR sentence for a wrong code.
    /// Not allowed means the account was disabled between the password and the code.
    /// </summary>
    protected async Task<IActionResult> ConcludeAsync(Microsoft.AspNetCore.Identity.SignInResult result, StaffUser user, string method, string wrongCode)
    {
        if (result.Succeeded)
        {
            Response.SetCultureCookie(user.PreferredCulture);
            await SignInAudit.SucceededAsync(audit, users, user, method);
            await db.SaveChangesAsync();
            return LocalRedirect(ReturnUrl);
        }
        var (action, reason) = result.IsLockedOut ? (AuditAction.SignInLockedOut, "locked-out")
            : result.IsNotAllowed ? (AuditAction.SignInFailed, "disabled")
            : (AuditAction.SignInFailed, "wrong-code");
        SignInAudit.Refused(audit, action, user, method, reason);
        await db.SaveChangesAsync();
        return result.IsLockedOut ? RedirectToPage("./Lockout")
            : result.IsNotAllowed ? Refused(LoginModel.AccountDisabled)
            : Refused(wrongCode);
    }

    protected PageResult Refused(string? message = null)
    {
        if (message is not null) ModelState.AddModelError(string.Empty, T[message]);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
