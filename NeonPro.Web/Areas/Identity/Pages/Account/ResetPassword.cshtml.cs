using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Infrastructure.Auth;

namespace NeonPro.Web.Areas.Identity.Pages.Account;

/// <summary>Choosing a new password from the e-mailed link.</summary>
[AllowAnonymous]
[EnableRateLimiting(AuthSetup.SignInRateLimit)]
public class ResetPasswordModel(
    UserManager<StaffUser> users,
    AuditLog audit,
    NeonProDbContext db,
    IOptions<IdentityOptions> identity,
    IStringLocalizer<SharedResource> T) : PageModel
{
    public int MinimumLength => identity.Value.Password.RequiredLength;
    public const string InvalidLink = "O link ou código é inválido ou expirou.";

    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Informe o e-mail.")]
        [EmailAddress(ErrorMessage = "Informe um e-mail válido.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Informe a nova senha.")]
        [DataType(DataType.Password)]
        [Display(Name = "Nova senha")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "Confirme a nova senha")]
        [Compare(nameof(Password), ErrorMessage = "As senhas não conferem.")]
        public string ConfirmPassword { get; set; } = "";

        [Required(ErrorMessage = InvalidLink)]
        public string Code { get; set; } = "";
    }

    /// <summary>Opened without the code from the e-mail (a truncated link): say so instead of showing a form that cannot work.</summary>
    public bool LinkIncomplete { get; private set; }

    public IActionResult OnGet(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            LinkIncomplete = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Input = new InputModel { Code = code };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Invalid();

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        // Same answer as a success: the page must not confirm which e-mails have accounts.
        if (user is null || user.IsDisabled) return RedirectToPage("./ResetPasswordConfirmation");

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Input.Code));
        }
        catch (FormatException)
        {
            ModelState.AddModelError(string.Empty, T[InvalidLink]);
            return Invalid();
        }

        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Invalid();
        }

        var row = audit.Add(AuditAction.PasswordReset, nameof(StaffUser), user.Id, new { method = "e-mail-link" });
        // Anonymous request: the person who proved they hold the link is the actor.
        row.UserId = user.Id;
        row.UserName = user.UserName;
        await db.SaveChangesAsync();
        return RedirectToPage("./ResetPasswordConfirmation");
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
