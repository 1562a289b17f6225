using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Infrastructure.Auth;

namespace NeonPro.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Replaces all recovery codes with new ones (the old ones stop working).</summary>
[Authorize]
public class GenerateRecoveryCodesModel(UserManager<StaffUser> users, IStringLocalizer<SharedResource> T) : PageModel
{
    [TempData] public string[]? RecoveryCodes { get; set; }
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

        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToArray() ?? [];
        StatusMessage = T["Novos códigos de recuperação foram gerados."];
        return RedirectToPage("./ShowRecoveryCodes");
    }

    private RedirectToPageResult NotEnabled()
    {
        StatusMessage = T["Ative a autenticação em dois fatores antes de gerar códigos de recuperação."];
        return RedirectToPage("./TwoFactorAuthentication");
    }
}
