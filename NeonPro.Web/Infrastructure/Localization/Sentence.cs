using System.Globalization;

namespace NeonPro.Web.Infrastructure.Localization;

/// <summary>
/// Sentence case for dates that open a heading: Portuguese writes weekdays in lower case ("segunda-feira"), and
/// CSS text-transform: capitalize would give "Segunda-Feira" and "Semana De 16/11 A 22/11", which are wrong.
/// </summary>
public static class Sentence
{
    public static string Start(string text, CultureInfo culture) =>
        string.IsNullOrEmpty(text) ? text : char.ToUpper(text[0], culture) + text[1..];
}
