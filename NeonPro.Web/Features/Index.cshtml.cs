using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Jobs;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features;

/// <summary>The home page: who is signed in, for which clinic, today; for managers, what needs their action.</summary>
public class IndexModel(NeonProDbContext db, ClinicClock clock, IAuthorizationService authorization, JobCatalog jobs, IStringLocalizer<SharedResource> T) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public string RolesText { get; private set; } = "";
    public string ClinicName { get; private set; } = "";
    public string Today { get; private set; } = "";

    /// <summary>Jobs whose last run failed (a backup that was not made, an anchor not written): managers and admins.</summary>
    public IReadOnlyList<FailedJob> FailedJobs { get; private set; } = [];
    /// <summary>Only an admin opens the Jobs page; a manager is told whom to call.</summary>
    public bool MayOpenJobs { get; private set; }

    public sealed record FailedJob(string Name, DateTime FailedAtLocal, string? Error);

    public async Task OnGetAsync(CancellationToken ct)
    {
        UserName = User.Identity?.Name ?? "";
        DisplayName = User.ActorName() ?? UserName;
        RolesText = string.Join(", ", User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(r => T[RoleLabels.Of(r.Value)].Value));
        ClinicName = await db.ClinicSettings.AsNoTracking().Select(s => s.Name).FirstOrDefaultAsync(ct) ?? "NeonPro";
        Today = clock.Now.ToString("dddd, d 'de' MMMM 'de' yyyy", System.Globalization.CultureInfo.CurrentCulture);

        if ((await authorization.AuthorizeAsync(User, Policies.ManagerOrAdmin)).Succeeded)
        {
            MayOpenJobs = (await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded;
            FailedJobs = [.. (await jobs.ListAsync(ct))
                .Where(j => j.LastRun is { Outcome: JobOutcome.Failed })
                .Select(j => new FailedJob(j.Description ?? j.Name, clock.ToClinicTime(j.LastRun!.FinishedAtUtc), j.LastRun.Error))];
        }
    }
}
