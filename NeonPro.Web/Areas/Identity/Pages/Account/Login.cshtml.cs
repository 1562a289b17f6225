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

/// <summary>
/// Sign-in with e-mail and password. Failures count toward the account's lockout (the stock Identity UI
/// page does not count them), every attempt is audited, and posts are rate limited per client address.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AuthSetup.SignInRateLimit)]
public class LoginModel(
    SignInManager<StaffUser> signIn,
    UserManager<StaffUser> users,
    AuditLog audit,
    NeonProDbContext db,
    IStringLocalizer<SharedResource> T) : PageModel
{
    public const string InvalidCredentials = "E-mail ou senha inválidos.";
    public const string AccountDisabled = "Esta conta está desativada. Procure o administrador.";

    [BindProperty] public InputModel Input { get; set; } = new();
    public string ReturnUrl { get; private set; } = "/";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Informe o e-mail.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Informe a senha.")]
        [DataType(DataType.Password)]
        [Display(Name = "Senha")]
        public string Password { get; set; } = "";

        [Display(Name = "Manter conectado")]
        public bool RememberMe { get; set; }
    }

    /// <summary>No admin account exists yet (a fresh install): the page says how to create the first one.</summary>
    public bool NoAdminYet { get; private set; }

    public async Task OnGetAsync(string? returnUrl)
    {
        ReturnUrl = SignInAudit.LocalReturnUrl(Url, returnUrl);
        NoAdminYet = (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 0;
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = SignInAudit.LocalReturnUrl(Url, returnUrl);
        if (!ModelState.IsValid) return Refused();

        var email = Input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Spend the same hashing work as a wrong password, so the answer's timing does not tell which e-mails exist.
            users.PasswordHasher.HashPassword(new StaffUser(), Input.Password);
            // The typed e-mail may be a patient's or a typo of someone else's: only its keyed hash is kept.
            audit.Add(AuditAction.SignInFailed, nameof(StaffUser), null,
                new { method = SignInAudit.ByPassword, reason = "unknown-email", email = audit.Protect(email) });
            await db.SaveChangesAsync();
            return Refused(InvalidCredentials);
        }

        var lockedBefore = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);

        if (result.Succeeded)
        {
            Response.SetCultureCookie(user.PreferredCulture);
            await SignInAudit.SucceededAsync(audit, users, user, SignInAudit.ByPassword);
            await db.SaveChangesAsync();
            return LocalRedirect(ReturnUrl);
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("./LoginWith2fa", new { returnUrl = ReturnUrl, rememberMe = Input.RememberMe });

        if (result.IsLockedOut && lockedBefore)
        {
            // Identity answers "locked out" without looking at the password. Saying so to anyone would tell a
            // guesser which e-mails exist, so only the right password learns it; a wrong one gets the answer an
            // unknown e-mail gets. CheckPasswordAsync spends the same hashing work and counts no failure (a locked
            // account's count is not touched, as before).
            var rightPassword = await users.CheckPasswordAsync(user, Input.Password);
            SignInAudit.Refused(audit, AuditAction.SignInLockedOut, user, SignInAudit.ByPassword,
                rightPassword ? "locked-out" : "locked-out-wrong-password");
            await db.SaveChangesAsync();
            return rightPassword ? RedirectToPage("./Lockout") : Refused(InvalidCredentials);
        }
        if (result.IsLockedOut)
        {
            // This wrong password was the one that locked the account: it is answered like any wrong password;
            // the lockout shows from the next attempt on.
            SignInAudit.Refused(audit, AuditAction.SignInFailed, user, SignInAudit.ByPassword, "wrong-password-lockout-started");
            await db.SaveChangesAsync();
            return Refused(InvalidCredentials);
        }
        // Identity refuses a disabled account before looking at the password; saying "disabled" is only
        // fair to someone who knows the password, or the message would confirm that the e-mail exists.
        if (result.IsNotAllowed && user.IsDisabled && await users.CheckPasswordAsync(user, Input.Password))
        {
            SignInAudit.Refused(audit, AuditAction.SignInFailed, user, SignInAudit.ByPassword, "disabled");
            await db.SaveChangesAsync();
            return Refused(AccountDisabled);
        }

        SignInAudit.Refused(audit, AuditAction.SignInFailed, user, SignInAudit.ByPassword, "wrong-password");
        await db.SaveChangesAsync();
        return Refused(InvalidCredentials);
    }

    private PageResult Refused(string? message = null)
    {
        if (message is not null) ModelState.AddModelError(string.Empty, T[message]);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
