using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Infrastructure.Auth;

namespace NeonPro.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>A new authenticator key (a lost or replaced phone): the old app stops working and two-factor is off until a new app is paired.</summary>
[Authorize]
public class ResetAuthenticatorModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, IStringLocalizer<SharedResource> T) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        // Turning two-factor off renewed the security stamp, which ends every other session (a lost phone's
        // among them); the new key alone does not (StaffUserManager). Keep this session signed in.
        await signIn.RefreshSignInAsync(user);
        StatusMessage = T["A chave do aplicativo autenticador foi redefinida. Configure o aplicativo de novo com a nova chave."];
        return RedirectToPage("./EnableAuthenticator");
    }
}
