using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NeonPro.Web.Areas.Identity.Pages.Account;

/// <summary>Where a signed-in user lands on a page their roles do not open.</summary>
[AllowAnonymous]
public class AccessDeniedModel : PageModel
{
    public void OnGet() { }
}
