using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Catalog;
using NeonPro.Web.Domain.Professionals;

namespace NeonPro.Web.Features.Catalog;

/// <summary>Turns a year's national holidays into clinic closed days (the closed-days page and the demo seeder).</summary>
public static class NationalHolidays
{
    /// <summary>
    /// Adds (without saving) the year's national holidays whose dates are not closed days yet, and returns how
    /// many. A date the clinic already closed under another name keeps that name.
    /// </summary>
    public static async Task<int> AddMissingAsync(NeonProDbContext db, int year, CancellationToken ct)
    {
        var holidays = BrazilianHolidays.For(year);
        var first = holidays[0].Date;
        var last = holidays[^1].Date;
        var taken = await db.ClinicClosedDays.Where(d => d.Date >= first && d.Date <= last).Select(d => d.Date).ToListAsync(ct);
        // Also what this context is about to add (the seeder adds two years before saving once).
        taken.AddRange(db.ClinicClosedDays.Local.Select(d => d.Date));
        var missing = holidays.Where(h => !taken.Contains(h.Date)).ToList();
        db.ClinicClosedDays.AddRange(missing.Select(h => new ClinicClosedDay { Date = h.Date, Name = h.Name }));
        return missing.Count;
    }
}
