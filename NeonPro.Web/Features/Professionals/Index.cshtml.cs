using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Infrastructure.Htmx;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Professionals;

/// <summary>The clinic's professionals, with their registration standing at a glance; filtered as you type.</summary>
public class IndexModel(NeonProDbContext db, ClinicClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Profession? Profession { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(Guid Id, string FullName, Profession Profession, string Council, StandingBadge Standing, bool IsActive, string Color);

    public async Task<IActionResult> OnGetAsync()
    {
        var query = db.Professionals.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // Lower-cased on both sides so PostgreSQL (case-sensitive LIKE) finds what SQLite finds.
            var term = Q.Trim().ToLower();
            query = query.Where(p => p.FullName.ToLower().Contains(term));
        }
        if (Profession is { } profession) query = query.Where(p => p.Profession == profession);

        var today = DateOnly.FromDateTime(clock.Now);
        var list = await query.OrderByDescending(p => p.IsActive).ThenBy(p => p.FullName).Take(500).ToListAsync();
        Rows = list.Select(p => new Row(p.Id, p.FullName, p.Profession, p.Registration.Display, StandingBadge.For(p, today), p.IsActive, p.Color)).ToList();
        return this.PageOrPartial("_List");
    }
}
