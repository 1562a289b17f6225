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

/// <summary>The second step of sign-in for accounts with an authenticator app: the six-digit code.</summary>
[AllowAnonymous]
[EnableRateLimiting(AuthSetup.SignInRateLimit)]
public class LoginWith2faModel(
    SignInManager<StaffUser> signIn,
    UserManager<StaffUser> users,
    AuditLog audit,
    NeonProDbContext db,
    IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }
    public string ReturnUrl { get; private set; } = "/";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Informe o código.")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "O código tem 6 dígitos.")]
        [Display(Name = "Código do aplicativo autenticador")]
        public string TwoFactorCode { get; set; } = "";

        [Display(Name = "Não pedir código neste computador")]
        public bool RememberMachine { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = SignInAudit.LocalReturnUrl(Url, returnUrl);
        // Only reachable right after a correct password: otherwise start again.
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("./Login", new { returnUrl = ReturnUrl });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = SignInAudit.LocalReturnUrl(Url, returnUrl);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("./Login", new { returnUrl = ReturnUrl });
        if (!ModelState.IsValid) return Refused();

        var code = Input.TwoFactorCode.Replace(" ", "").Replace("-", "");
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, Input.RememberMachine);
        switch (await SignInAudit.ConcludeSecondFactorAsync(result, audit, users, db, user, SignInAudit.ByAuthenticator))
        {
            case SignInAudit.SecondFactor.SignedIn:
                Response.SetCultureCookie(user.PreferredCulture);
                return LocalRedirect(ReturnUrl);
            case SignInAudit.SecondFactor.LockedOut:
                return RedirectToPage("./Lockout");
            case SignInAudit.SecondFactor.Disabled:
                return Refused(LoginModel.AccountDisabled);
            default:
                return Refused("Código inválido.");
        }
    }

    private PageResult Refused(string? message = null)
    {
        if (message is not null) ModelState.AddModelError(string.Empty, T[message]);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
