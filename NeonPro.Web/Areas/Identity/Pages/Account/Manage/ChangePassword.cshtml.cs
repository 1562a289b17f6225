using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NeonPro.Web.Infrastructure.Auth;

namespace NeonPro.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Changing one's own password; other sessions of the account end within a minute (the security stamp changes).</summary>
[Authorize]
public class ChangePasswordModel(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    IOptions<IdentityOptions> identity,
    IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public int MinimumLength => identity.Value.Password.RequiredLength;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Informe a senha atual.")]
        [DataType(DataType.Password)]
        [Display(Name = "Senha atual")]
        public string OldPassword { get; set; } = "";

        [Required(ErrorMessage = "Informe a nova senha.")]
        [DataType(DataType.Password)]
        [Display(Name = "Nova senha")]
        public string NewPassword { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "Confirme a nova senha")]
        [Compare(nameof(NewPassword), ErrorMessage = "As senhas não conferem.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        if (!ModelState.IsValid) return Invalid();

        var result = await users.ChangePasswordAsync(user, Input.OldPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Invalid();
        }
        // The new security stamp would sign this session out at the next check: reissue its cookie.
        await signIn.RefreshSignInAsync(user);
        StatusMessage = T["Sua senha foi alterada."];
        return RedirectToPage();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
