using System.Globalization;

namespace NeonPro.Web.Domain.Backups;

/// <summary>
/// Which backup copies to keep: the newest copy of each of the last <c>daily</c> days that have one, and the newest
/// copy of each of the last <c>weekly</c> ISO weeks that have one (a week's copy may also be a day's). The newest copy
/// is always kept, so a clinic that configures zero of both still has its last backup.
/// </summary>
public static class BackupRetention
{
    public static IReadOnlySet<DateTime> Keep(IEnumerable<DateTime> takenAtUtc, int daily, int weekly)
    {
        var copies = takenAtUtc.OrderDescending().ToList();
        var keep = new HashSet<DateTime>();
        if (copies.Count == 0) return keep;
        keep.Add(copies[0]);
        foreach (var day in copies.GroupBy(c => c.Date).Take(Math.Max(0, daily))) keep.Add(day.First());
        foreach (var week in copies.GroupBy(c => (ISOWeek.GetYear(c), ISOWeek.GetWeekOfYear(c))).Take(Math.Max(0, weekly))) keep.Add(week.First());
        return keep;
    }
}
