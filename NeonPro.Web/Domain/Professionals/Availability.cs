using System.ComponentModel.DataAnnotations;

namespace NeonPro.Web.Domain.Professionals;

/// <summary>A recurring working interval: every given weekday, from Start to End in the clinic's local time.</summary>
public sealed record WeeklyInterval(DayOfWeek Day, TimeOnly Start, TimeOnly End);

public enum AvailabilityExceptionKind
{
    /// <summary>Not working: the whole day when Start/End are empty, otherwise those hours.</summary>
    [Display(Name = "Folga")]
    TimeOff,
    /// <summary>Hours blocked for something else (a meeting, a training).</summary>
    [Display(Name = "Bloqueio")]
    Blocked,
    /// <summary>Hours worked on that date beyond the weekly pattern.</summary>
    [Display(Name = "Horas extras")]
    ExtraHours,
}

/// <summary>A one-off change to a professional's hours on a local date.</summary>
public sealed record AvailabilityException(DateOnly Date, AvailabilityExceptionKind Kind, TimeOnly? Start, TimeOnly? End);

/// <summary>A span of time in UTC, start inclusive, end exclusive.</summary>
public readonly record struct UtcInterval(DateTime Start, DateTime End)
{
    public TimeSpan Duration => End - Start;
    public bool Contains(DateTime startUtc, DateTime endUtc) => Start <= startUtc && endUtc <= End;
}

/// <summary>
/// "When is this professional available between these two instants?" Weekly hours, one-off exceptions and the
/// clinic's closed days are all in the clinic's local time; the answer is in UTC, so a local day that crosses
/// midnight UTC (every evening in Brazil) comes out right, and so would a day with a DST change (older data).
/// </summary>
public static class Availability
{
    public static IReadOnlyList<UtcInterval> Between(
        DateTime fromUtc, DateTime toUtc, TimeZoneInfo zone,
        IEnumerable<WeeklyInterval> weekly, IEnumerable<AvailabilityException> exceptions, IEnumerable<DateOnly> closedDays)
    {
        if (toUtc <= fromUtc) return [];
        var weeklyByDay = weekly.Where(w => w.End > w.Start).ToLookup(w => w.Day);
        var exceptionsByDate = exceptions.ToLookup(e => e.Date);
        var closed = closedDays.ToHashSet();

        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Utc(fromUtc), zone));
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Utc(toUtc), zone));
        var result = new List<UtcInterval>();
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            if (closed.Contains(day)) continue;
            foreach (var (start, end) in LocalIntervals(day, weeklyByDay[day.DayOfWeek], exceptionsByDate[day]))
            {
                var s = ToUtc(day.ToDateTime(start), zone);
                var e = end == TimeOnly.MaxValue ? ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone) : ToUtc(day.ToDateTime(end), zone);
                if (s < fromUtc) s = Utc(fromUtc);
                if (e > toUtc) e = Utc(toUtc);
                if (e > s) result.Add(new UtcInterval(s, e));
            }
        }
        return Merge(result);
    }

    /// <summary>True when the whole of [startUtc, endUtc) falls inside the professional's available time.</summary>
    public static bool Covers(IReadOnlyList<UtcInterval> available, DateTime startUtc, DateTime endUtc) =>
        available.Any(a => a.Contains(startUtc, endUtc));

    private static List<(TimeOnly Start, TimeOnly End)> LocalIntervals(
        DateOnly day, IEnumerable<WeeklyInterval> weekly, IEnumerable<AvailabilityException> exceptions)
    {
        var list = exceptions.ToList();
        if (list.Any(e => e.Kind == AvailabilityExceptionKind.TimeOff && e.Start is null && e.End is null)) return [];

        var working = weekly.Select(w => (w.Start, w.End))
            .Concat(list.Where(e => e.Kind == AvailabilityExceptionKind.ExtraHours && e.Start is not null && e.End > e.Start)
                .Select(e => (e.Start!.Value, e.End!.Value)))
            .OrderBy(i => i.Item1)
            .ToList();
        working = MergeLocal(working);

        foreach (var cut in list.Where(e => e.Kind is AvailabilityExceptionKind.TimeOff or AvailabilityExceptionKind.Blocked))
        {
            var cs = cut.Start ?? TimeOnly.MinValue;
            var ce = cut.End ?? TimeOnly.MaxValue;
            var next = new List<(TimeOnly, TimeOnly)>();
            foreach (var (s, e) in working)
            {
                if (ce <= s || cs >= e) { next.Add((s, e)); continue; }
                if (s < cs) next.Add((s, cs));
                if (ce < e) next.Add((ce, e));
            }
            working = next;
        }
        return working;
    }

    private static List<(TimeOnly Start, TimeOnly End)> MergeLocal(List<(TimeOnly Start, TimeOnly End)> sorted)
    {
        var merged = new List<(TimeOnly Start, TimeOnly End)>();
        foreach (var i in sorted)
        {
            if (merged.Count > 0 && i.Start <= merged[^1].End)
                merged[^1] = (merged[^1].Start, i.End > merged[^1].End ? i.End : merged[^1].End);
            else merged.Add(i);
        }
        return merged;
    }

    private static List<UtcInterval> Merge(List<UtcInterval> intervals)
    {
        intervals.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<UtcInterval>();
        foreach (var i in intervals)
        {
            if (merged.Count > 0 && i.Start <= merged[^1].End)
                merged[^1] = merged[^1] with { End = i.End > merged[^1].End ? i.End : merged[^1].End };
            else merged.Add(i);
        }
        return merged;
    }

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);

    /// <summary>Local wall-clock time to UTC; a time inside a DST gap moves to the end of the gap.</summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var guard = 0;
        while (zone.IsInvalidTime(local) && guard++ < 240) local = local.AddMinutes(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
