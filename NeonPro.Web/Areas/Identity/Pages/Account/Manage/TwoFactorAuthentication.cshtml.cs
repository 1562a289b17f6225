using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Infrastructure.Auth;

namespace NeonPro.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Where the account's second factor stands (authenticator app, recovery codes, remembered browser) and what can be done with it.</summary>
[Authorize]
public class TwoFactorAuthenticationModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, IStringLocalizer<SharedResource> T) : PageModel
{
    public bool HasAuthenticator { get; private set; }
    public bool Is2faEnabled { get; private set; }
    public bool IsMachineRemembered { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        HasAuthenticator = await users.GetAuthenticatorKeyAsync(user) is not null;
        Is2faEnabled = await users.GetTwoFactorEnabledAsync(user);
        IsMachineRemembered = await signIn.IsTwoFactorClientRememberedAsync(user);
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        return Page();
    }

    /// <summary>"Forget this browser": the next sign-in here asks for the code again.</summary>
    public async Task<IActionResult> OnPostForgetBrowserAsync()
    {
        if (await users.GetUserAsync(User) is null) return NotFound();
        await signIn.ForgetTwoFactorClientAsync();
        StatusMessage = T["Este navegador foi esquecido. Na próxima entrada, o código será pedido de novo."];
        return RedirectToPage();
    }
}
