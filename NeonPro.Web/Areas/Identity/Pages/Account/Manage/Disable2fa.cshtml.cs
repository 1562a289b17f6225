using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Infrastructure.Auth;

namespace NeonPro.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Turning two-factor off; the authenticator key is kept, so turning it on again needs no new pairing.</summary>
[Authorize]
public class Disable2faModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, IStringLocalizer<SharedResource> T) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        if (!await users.GetTwoFactorEnabledAsync(user)) return NotEnabled();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        if (!await users.GetTwoFactorEnabledAsync(user)) return NotEnabled();
        var result = await users.SetTwoFactorEnabledAsync(user, false);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        // Disabling renews the security stamp: keep this session signed in.
        await signIn.RefreshSignInAsync(user);
        StatusMessage = T["A autenticação em dois fatores foi desativada. Você pode ativá-la de novo configurando o aplicativo autenticador."];
        return RedirectToPage("./TwoFactorAuthentication");
    }

    private RedirectToPageResult NotEnabled()
    {
        StatusMessage = T["A autenticação em dois fatores já está desativada."];
        return RedirectToPage("./TwoFactorAuthentication");
    }
}
