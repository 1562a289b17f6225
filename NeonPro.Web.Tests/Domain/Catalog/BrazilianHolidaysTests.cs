using NeonPro.Web.Domain.Catalog;

namespace NeonPro.Web.Tests.Domain.Catalog;

public class BrazilianHolidaysTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)] // the latest possible date
    [InlineData(2285, 3, 22)] // the earliest possible date
    [InlineData(2000, 4, 23)]
    public void Easter_falls_on_the_gregorian_date(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), BrazilianHolidays.Easter(year));

    [Fact]
    public void Movable_holidays_of_2026_follow_easter()
    {
        var days = BrazilianHolidays.For(2026).ToDictionary(h => h.Name, h => h.Date);
        Assert.Equal(new DateOnly(2026, 2, 16), days["Carnaval (segunda-feira)"]);
        Assert.Equal(new DateOnly(2026, 2, 17), days["Carnaval (terça-feira)"]);
        Assert.Equal(new DateOnly(2026, 4, 3), days["Sexta-feira Santa"]);
        Assert.Equal(new DateOnly(2026, 6, 4), days["Corpus Christi"]);
    }

    [Fact]
    public void Carnival_in_a_leap_year_counts_the_29th_of_february()
    {
        // Easter 2024 = 31 March; 47 days earlier crosses 29 February.
        var days = BrazilianHolidays.For(2024).ToDictionary(h => h.Name, h => h.Date);
        Assert.Equal(new DateOnly(2024, 2, 13), days["Carnaval (terça-feira)"]);
        Assert.Equal(new DateOnly(2024, 5, 30), days["Corpus Christi"]);
    }

    [Fact]
    public void The_fixed_national_holidays_are_all_there_in_date_order()
    {
        var days = BrazilianHolidays.For(2026);
        Assert.Equal(13, days.Count);
        Assert.Equal(days.OrderBy(d => d.Date), days);
        Assert.Equal(days.Count, days.Select(d => d.Date).Distinct().Count());
        foreach (var (month, day) in new[] { (1, 1), (4, 21), (5, 1), (9, 7), (10, 12), (11, 2), (11, 15), (11, 20), (12, 25) })
            Assert.Contains(days, d => d.Date == new DateOnly(2026, month, day));
    }

    [Fact]
    public void Black_consciousness_day_is_national_only_from_2024()
    {
        Assert.DoesNotContain(BrazilianHolidays.For(2023), d => d.Date == new DateOnly(2023, 11, 20));
        Assert.Contains(BrazilianHolidays.For(2024), d => d.Date == new DateOnly(2024, 11, 20));
    }
}
