namespace NeonPro.Web.Domain.Catalog;

/// <summary>A national holiday: its date and its pt-BR name (stored as the closed day's name).</summary>
public sealed record Holiday(DateOnly Date, string Name);

/// <summary>
/// Brazil's national holidays of a year: the fixed-date ones (Lei 662/1949, Lei 6.802/1980, Lei 14.759/2023)
/// plus the movable days clinics close on (Carnival Monday and Tuesday, Good Friday, Corpus Christi), which
/// follow Easter. State and municipal holidays vary by city, so the clinic adds those by hand.
/// </summary>
public static class BrazilianHolidays
{
    /// <summary>Gregorian Easter Sunday (the anonymous Meeus/Jones/Butcher algorithm), valid from 1583.</summary>
    public static DateOnly Easter(int year)
    {
        if (year is < 1583 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "Gregorian years 1583 to 9999.");
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The year's holidays in date order.</summary>
    public static IReadOnlyList<Holiday> For(int year)
    {
        var easter = Easter(year);
        var days = new List<Holiday>
        {
            new(new DateOnly(year, 1, 1), "Confraternização Universal"),
            new(easter.AddDays(-48), "Carnaval (segunda-feira)"),
            new(easter.AddDays(-47), "Carnaval (terça-feira)"),
            new(easter.AddDays(-2), "Sexta-feira Santa"),
            new(new DateOnly(year, 4, 21), "Tiradentes"),
            new(new DateOnly(year, 5, 1), "Dia do Trabalho"),
            new(easter.AddDays(60), "Corpus Christi"),
            new(new DateOnly(year, 9, 7), "Independência do Brasil"),
            new(new DateOnly(year, 10, 12), "Nossa Senhora Aparecida"),
            new(new DateOnly(year, 11, 2), "Finados"),
            new(new DateOnly(year, 11, 15), "Proclamação da República"),
            new(new DateOnly(year, 12, 25), "Natal"),
        };
        // A national holiday only since Lei 14.759/2023.
        if (year >= 2024) days.Add(new(new DateOnly(year, 11, 20), "Dia Nacional de Zumbi e da Consciência Negra"));
        return days.OrderBy(d => d.Date).ToList();
    }
}
