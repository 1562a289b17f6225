using NeonPro.Web.Domain.Backups;

namespace NeonPro.Web.Tests.Domain.Backups;

public class BackupRetentionTests
{
    private static readonly DateTime Today = new(2026, 11, 28, 5, 0, 0, DateTimeKind.Utc); // a Saturday

    [Fact]
    public void Fourteen_daily_copies_are_kept_and_the_newest_of_each_day_wins()
    {
        var copies = Enumerable.Range(0, 20).SelectMany(d => new[] { Today.AddDays(-d), Today.AddDays(-d).AddHours(-3) }).ToList();

        var keep = BackupRetention.Keep(copies, daily: 14, weekly: 0);

        Assert.Equal(14, keep.Count);
        Assert.All(Enumerable.Range(0, 14), d => Assert.Contains(Today.AddDays(-d), keep));
        Assert.DoesNotContain(Today.AddHours(-3), keep);
    }

    [Fact]
    public void Eight_weekly_copies_reach_back_beyond_the_daily_ones()
    {
        var copies = Enumerable.Range(0, 120).Select(d => Today.AddDays(-d)).ToList();

        var keep = BackupRetention.Keep(copies, daily: 14, weekly: 8);

        // 14 days (Nov 15-28), plus the newest copy of each of the 8 latest ISO weeks; the 3 latest weeks end inside the
        // 14 days, the 5 before them reach back to October as their Sundays.
        var beyondDaily = keep.Where(k => k < Today.AddDays(-13)).OrderDescending().ToList();
        Assert.Equal(5, beyondDaily.Count);
        Assert.All(beyondDaily, k => Assert.Equal(DayOfWeek.Sunday, k.DayOfWeek));
        Assert.Equal(19, keep.Count);
    }

    [Fact]
    public void The_newest_copy_is_kept_even_with_no_retention_configured() =>
        Assert.Equal([Today], BackupRetention.Keep([Today.AddDays(-1), Today], daily: 0, weekly: 0));
}
