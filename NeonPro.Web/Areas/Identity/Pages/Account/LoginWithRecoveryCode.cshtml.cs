using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Features.Compliance.Audit;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Localization;

namespace NeonPro.Web.Areas.Identity.Pages.Account;

/// <summary>The second step of sign-in with a one-time recovery code, for when the authenticator app is lost.</summary>
[AllowAnonymous]
[EnableRateLimiting(AuthSetup.SignInRateLimit)]
public class LoginWithRecoveryCodeModel(
    SignInManager<StaffUser> signIn,
    UserManager<StaffUser> users,
    AuditLog audit,
    NeonProDbContext db,
    IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public string ReturnUrl { get; private set; } = "/";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Informe o código de recuperação.")]
        [Display(Name = "Código de recuperação")]
        public string RecoveryCode { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = SignInAudit.LocalReturnUrl(Url, returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("./Login", new { returnUrl = ReturnUrl });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = SignInAudit.LocalReturnUrl(Url, returnUrl);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("./Login", new { returnUrl = ReturnUrl });
        if (!ModelState.IsValid) return Refused();

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Replace(" ", ""));
        switch (await SignInAudit.ConcludeSecondFactorAsync(result, audit, users, db, user, SignInAudit.ByRecoveryCode))
        {
            case SignInAudit.SecondFactor.SignedIn:
                Response.SetCultureCookie(user.PreferredCulture);
                return LocalRedirect(ReturnUrl);
            case SignInAudit.SecondFactor.LockedOut:
                return RedirectToPage("./Lockout");
            case SignInAudit.SecondFactor.Disabled:
                return Refused(LoginModel.AccountDisabled);
            default:
                return Refused("Código de recuperação inválido.");
        }
    }

    private PageResult Refused(string? message = null)
    {
        if (message is not null) ModelState.AddModelError(string.Empty, T[message]);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
