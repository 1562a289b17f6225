using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Domain;
using NeonPro.Web.Infrastructure.Auth;

namespace NeonPro.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>The staff member's own profile: the name the app greets them by and a phone number. The e-mail is their login and only an admin changes it.</summary>
[Authorize]
public class IndexModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public string Email { get; private set; } = "";
    [TempData] public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Informe o nome completo.")]
        [StringLength(200, ErrorMessage = "{0}: no máximo {1} caracteres.")]
        [Display(Name = "Nome completo")]
        [PersonName]
        public string FullName { get; set; } = "";

        [Phone(ErrorMessage = "Informe um telefone válido.")]
        [StringLength(20, ErrorMessage = "{0}: no máximo {1} caracteres.")]
        [Display(Name = "Telefone")]
        public string? PhoneNumber { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        Email = user.Email ?? user.UserName ?? "";
        Input = new InputModel { FullName = user.FullName, PhoneNumber = user.PhoneNumber };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        Email = user.Email ?? user.UserName ?? "";
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var phone = string.IsNullOrWhiteSpace(Input.PhoneNumber) ? null : Input.PhoneNumber.Trim();
        if (phone != user.PhoneNumber)
        {
            user.PhoneNumber = phone;
            user.PhoneNumberConfirmed = false;
        }
        user.FullName = Input.FullName.Trim();
        // One update (one save, one audit row) for both fields.
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        // The name is a claim in the sign-in cookie: reissue it so the menu shows the new name now.
        await signIn.RefreshSignInAsync(user);
        StatusMessage = T["Seu perfil foi atualizado."];
        return RedirectToPage();
    }
}
