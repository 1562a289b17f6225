using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
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
    IStringLocalizer<SharedResource> T) : SecondFactorPageModel(signIn, users, audit, db, T)
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Informe o código.")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "O código tem 6 dígitos.")]
        [Display(Name = "Código do aplicativo autenticador")]
        public string TwoFactorCode { get; set; } = "";

        [Display(Name = "Não pedir código neste computador")]
        public bool RememberMachine { get; set; }
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        if (await PasswordCheckedUserAsync(returnUrl) is not { } user) return StartAgain();
        if (!ModelState.IsValid) return Refused();

        var code = Input.TwoFactorCode.Replace(" ", "").Replace("-", "");
        var result = await SignInManager.TwoFactorAuthenticatorSignInAsync(code, RememberMe, Input.RememberMachine);
        return await ConcludeAsync(result, user, SignInAudit.ByAuthenticator, "Código inválido.");
    }
}
