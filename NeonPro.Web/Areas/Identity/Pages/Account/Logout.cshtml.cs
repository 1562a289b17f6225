using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Infrastructure.Auth;

namespace NeonPro.Web.Areas.Identity.Pages.Account;

/// <summary>Signing out (POST only, so a link or an image cannot sign anyone out); GET says it is done.</summary>
[AllowAnonymous]
public class LogoutModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit, NeonProDbContext db) : PageModel
{
    public bool SignedIn { get; private set; }

    public void OnGet() => SignedIn = User.Identity?.IsAuthenticated == true;

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            // Saved before the sign-out, while the request still carries the user as the audit's actor.
            audit.Add(AuditAction.SignOut, nameof(StaffUser), users.GetUserId(User));
            await db.SaveChangesAsync();
            await signIn.SignOutAsync();
        }
        return !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl)
            ? LocalRedirect(returnUrl)
            : RedirectToPage("./Login");
    }
}
