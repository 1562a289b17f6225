using System.Globalization;
using System.Text.RegularExpressions;

namespace NeonPro.Web.Domain;

/// <summary>
/// Money in reais, read and written one way everywhere. People type "1.234,56", "1234,56", "R$ 80" or "80.50";
/// money is BRL whatever the screen language, so the input is read the Brazilian way regardless of the request
/// culture (an English session must not turn "1.234,56" into an error or "1.234" into one real and change).
/// </summary>
public static partial class Brl
{
    private static readonly CultureInfo Brazil = CultureInfo.GetCultureInfo("pt-BR");

    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        var s = (text ?? "").Replace("R$", "").Replace("\u00A0", "").Replace(" ", "").Trim();
        // "80.50": a lone dot with one or two digits after it is a decimal point typed the English way;
        // a Brazilian thousands separator is always followed by three digits.
        if (EnglishDecimal().IsMatch(s)) s = s.Replace('.', ',');
        if (!Brazilian().IsMatch(s)) return false;
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, Brazil, out amount);
    }

    /// <summary>As an edit field shows it: 1.234,56 (no currency symbol).</summary>
    public static string FormatAmount(decimal amount) => amount.ToString("#,##0.00", Brazil);

    /// <summary>As the clinic shows money: R$ 1.234,56 (BRL, whatever the UI language).</summary>
    public static string Format(decimal amount) => amount.ToString("C", Brazil);

    [GeneratedRegex(@"^-?\d+\.\d{1,2}$")]
    private static partial Regex EnglishDecimal();

    // Thousands grouped by three with dots, or no grouping at all; at most two decimals (decimal(10,2)).
    [GeneratedRegex(@"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d{1,2})?$")]
    private static partial Regex Brazilian();
}
