using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Jobs;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Admin.Jobs;

/// <summary>
/// The scheduler's jobs for the admin: schedule, last run with its outcome and error, next run, "Executar agora";
/// and which nodes answered the cluster's last check-ins. The folder's Admin policy guards it; the attribute repeats
/// it on the page, because a POST here runs work on the server.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(JobCatalog jobs, NeonProDbContext db, ClinicClock clock) : PageModel
{
    private const string FlashKey = "AdminJobsFlash";

    public IReadOnlyList<JobInfo> Jobs { get; private set; } = [];
    public IReadOnlyList<ClusterCheckIn> CheckIns { get; private set; } = [];
    public string? FiredJob { get; private set; }
    public ClinicClock Clock => clock;

    public async Task OnGetAsync(CancellationToken ct)
    {
        FiredJob = TempData[FlashKey] as string;
        Jobs = await jobs.ListAsync(ct);
        CheckIns = await db.ClusterCheckIns.AsNoTracking().OrderByDescending(c => c.ScheduledAtUtc).Take(10).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostRunAsync(string job, CancellationToken ct)
    {
        var key = await jobs.FindAsync(job, ct);
        if (key is null) return NotFound();
        await jobs.FireNowAsync(key, ct);
        TempData[FlashKey] = job;
        return RedirectToPage();
    }
}
