using NeonPro.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features;

/// <summary>The home page: who is signed in, for which clinic, today.</summary>
public class IndexModel(NeonProDbContext db, ClinicClock clock, IStringLocalizer<SharedResource> T) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public string RolesText { get; private set; } = "";
    public string ClinicName { get; private set; } = "";
    public string Today { get; private set; } = "";

    public async Task OnGetAsync()
    {
        UserName = User.Identity?.Name ?? "";
        DisplayName = User.ActorName() ?? UserName;
        RolesText = string.Join(", ", User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(r => T[RoleLabels.Of(r.Value)].Value));
        ClinicName = await db.ClinicSettings.AsNoTracking().Select(s => s.Name).FirstOrDefaultAsync() ?? "NeonPro";
        Today = clock.Now.ToString("dddd, d 'de' MMMM 'de' yyyy", System.Globalization.CultureInfo.CurrentCulture);
    }
}
