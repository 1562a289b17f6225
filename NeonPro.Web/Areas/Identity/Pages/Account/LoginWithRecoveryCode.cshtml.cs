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

/// <summary>The second step of sign-in with a one-time recovery code, for when the authenticator app is lost.</summary>
[AllowAnonymous]
[EnableRateLimiting(AuthSetup.SignInRateLimit)]
public class LoginWithRecoveryCodeModel(
    SignInManager<StaffUser> signIn,
    UserManager<StaffUser> users,
    AuditLog audit,
    NeonProDbContext db,
    IStringLocalizer<SharedResource> T) : SecondFactorPageModel(signIn, users, audit, db, T)
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Informe o código de recuperação.")]
        [Display(Name = "Código de recuperação")]
        public string RecoveryCode { get; set; } = "";
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        if (await PasswordCheckedUserAsync(returnUrl) is not { } user) return StartAgain();
        if (!ModelState.IsValid) return Refused();

        var result = await SignInManager.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Replace(" ", ""));
        return await ConcludeAsync(result, user, SignInAudit.ByRecoveryCode, "Código de recuperação inválido.");
    }
}
