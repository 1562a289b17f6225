using NeonPro.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Infrastructure.Htmx;
using NeonPro.Web.Infrastructure.Web;

namespace NeonPro.Web.Features.Patients;

/// <summary>The patients list: search, the charts this user opened lately, the latest registrations; and the navigation search's results.</summary>
public class IndexModel(NeonProDbContext db, PatientSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<PatientSearchResult> Results { get; private set; } = [];
    public IReadOnlyList<PatientSearchResult> OpenedByMe { get; private set; } = [];
    public IReadOnlyList<PatientSearchResult> Registered { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!string.IsNullOrWhiteSpace(Q))
        {
            Results = await search.FindAsync(Q, HttpContext.RequestAborted);
            return this.PageOrPartial("_ResultsTable", this);
        }
        OpenedByMe = await OpenedByMeAsync();
        // Ids are version-7 GUIDs (time ordered): the primary key gives the latest registrations without a sort.
        Registered = await db.Patients.AsNoTracking().Where(p => p.AnonymizedAtUtc == null)
            .OrderByDescending(p => p.Id).Take(20)
            .Select(p => new PatientSearchResult(p.Id, p.SocialName != null && p.SocialName != "" ? p.SocialName : p.FullName,
                p.Cpf, p.IsForeigner, p.BirthDate, p.MobilePhone ?? p.OtherPhone))
            .ToListAsync();
        return this.PageOrPartial("_ResultsTable", this);
    }

    /// <summary>
    /// The navigation search box's results (hx-get, debounced). Server-Timing carries the time spent on the server for
    /// the search and its rendering up to the first byte, which is what the benchmark reports.
    /// </summary>
    public async Task<IActionResult> OnGetSearchAsync(string? q)
    {
        Response.TimeFromHere("search");
        Q = q;
        Results = await search.FindAsync(q, HttpContext.RequestAborted);
        return Partial("_SearchResults", this);
    }

    private async Task<IReadOnlyList<PatientSearchResult>> OpenedByMeAsync()
    {
        var me = User.ActorId();
        if (me is null) return [];
        var recent = await db.AuditEntries.AsNoTracking()
            .Where(a => a.UserId == me && a.Action == AuditAction.View && a.EntityType == nameof(Patient))
            .OrderByDescending(a => a.Sequence).Take(100).Select(a => a.EntityId).ToListAsync();
        var ids = recent.OfType<string>().Distinct().Take(10).Select(Guid.Parse).ToList();
        var found = await db.Patients.AsNoTracking().Where(p => ids.Contains(p.Id) && p.AnonymizedAtUtc == null)
            .Select(p => new PatientSearchResult(p.Id, p.SocialName != null && p.SocialName != "" ? p.SocialName : p.FullName,
                p.Cpf, p.IsForeigner, p.BirthDate, p.MobilePhone ?? p.OtherPhone))
            .ToListAsync();
        return ids.Select(id => found.FirstOrDefault(f => f.Id == id)).OfType<PatientSearchResult>().ToList();
    }
}
