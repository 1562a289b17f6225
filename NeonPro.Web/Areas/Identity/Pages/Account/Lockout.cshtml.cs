using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace NeonPro.Web.Areas.Identity.Pages.Account;

/// <summary>Shown when an account is locked after too many failed sign-ins.</summary>
[AllowAnonymous]
public class LockoutModel(IOptions<IdentityOptions> identity) : PageModel
{
    public int MaxFailedAttempts => identity.Value.Lockout.MaxFailedAccessAttempts;
    public int LockoutMinutes => (int)identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes;

    public void OnGet() { }
}
