using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Features.Home;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Jobs;
using NeonPro.Web.Infrastructure.Navigation;
using NeonPro.Web.Infrastructure.Time;
using NeonPro.Web.Infrastructure.Web;

namespace NeonPro.Web.Features;

/// <summary>
/// The home page: each role's day. The front desk sees today's arrivals, who is waiting and tomorrow's confirmations;
/// a professional, their next patients with alerts and missing consents; managers and admins, what needs their action.
/// Someone with several roles sees each of their sections.
/// </summary>
public class IndexModel(NeonProDbContext db, ClinicClock clock, IAuthorizationService authorization, PageAccess pages, JobCatalog jobs, IStringLocalizer<SharedResource> T) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public string RolesText { get; private set; } = "";
    public string ClinicName { get; private set; } = "";
    public string Today { get; private set; } = "";

    public FrontDeskDay? FrontDesk { get; private set; }
    public MyNextPatients? MyPatients { get; private set; }
    public NeedsAction? NeedsAction { get; private set; }
    /// <summary>Only an admin opens the Jobs page; a manager is told whom to call.</summary>
    public bool MayOpenJobs { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The first screen of everyone's day: bench/home.sh reads this figure per role.
        Response.TimeFromHere("home");
        UserName = User.Identity?.Name ?? "";
        DisplayName = User.ActorName() ?? UserName;
        RolesText = string.Join(", ", User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(r => T[RoleLabels.Of(r.Value)].Value));
        ClinicName = await db.ClinicSettings.AsNoTracking().Select(s => s.Name).FirstOrDefaultAsync(ct) ?? "NeonPro";
        Today = clock.Now.ToString("dddd, d 'de' MMMM 'de' yyyy", System.Globalization.CultureInfo.CurrentCulture);

        // The sections follow the roles' work: the desk's lists are a receptionist's, "my patients" a professional's.
        if (User.IsInRole(Roles.Receptionist)) FrontDesk = await FrontDeskDay.LoadAsync(db, clock, ct);
        if (User.IsInRole(Roles.Professional)) MyPatients = await MyNextPatients.LoadAsync(db, clock, User.ActorId(), T, ct);
        if ((await authorization.AuthorizeAsync(User, Policies.ManagerOrAdmin)).Succeeded)
        {
            NeedsAction = await Home.NeedsAction.LoadAsync(db, clock, jobs, ct);
            MayOpenJobs = await pages.MayOpenAsync(User, "/Admin/Jobs");
        }
    }
}
