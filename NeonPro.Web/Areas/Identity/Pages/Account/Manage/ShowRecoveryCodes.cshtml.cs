using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NeonPro.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Shows freshly generated recovery codes once (they travel in TempData and are not stored readable anywhere).</summary>
[Authorize]
public class ShowRecoveryCodesModel : PageModel
{
    [TempData] public string[]? RecoveryCodes { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public IActionResult OnGet()
    {
        if (RecoveryCodes is not { Length: > 0 }) return RedirectToPage("./TwoFactorAuthentication");
        return Page();
    }
}
