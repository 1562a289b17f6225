namespace NeonPro.Web.Domain.Patients;

/// <summary>CPF: 11 digits with two check digits (DOMAIN.md). Eleven equal digits pass the arithmetic but are invalid.</summary>
public static class Cpf
{
    /// <summary>Accepts 529.982.247-25 or 52998224725; gives the 11 digits.</summary>
    public static bool TryParse(string? input, out string digits)
    {
        digits = "";
        if (string.IsNullOrWhiteSpace(input)) return false;
        Span<char> d = stackalloc char[11];
        var n = 0;
        foreach (var c in input)
        {
            if (c is '.' or '-' or ' ') continue;
            if (!char.IsAsciiDigit(c) || n == 11) return false;
            d[n++] = c;
        }
        if (n != 11) return false;
        if (d.IndexOfAnyExcept(d[0]) < 0) return false;
        if (CheckDigit(d[..9], 10) != d[9] - '0' || CheckDigit(d[..10], 11) != d[10] - '0') return false;
        digits = new string(d);
        return true;
    }

    public static bool IsValid(string? input) => TryParse(input, out _);

    public static string Format(string digits) =>
        digits.Length == 11 ? $"{digits[..3]}.{digits[3..6]}.{digits[6..9]}-{digits[9..]}" : digits;

    /// <summary>***.982.247-** : for exports that must not show the whole CPF.</summary>
    public static string Masked(string digits) =>
        digits.Length == 11 ? $"***.{digits[3..6]}.{digits[6..9]}-**" : "";

    private static int CheckDigit(ReadOnlySpan<char> digits, int firstWeight)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++) sum += (digits[i] - '0') * (firstWeight - i);
        var r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    }
}

/// <summary>
/// CNS (Cartão Nacional de Saúde): 15 digits whose weighted sum (weights 15..1) is divisible by 11.
/// Definitive cards start with 1 or 2 (and then positions 12-14 are 000 or 001); provisional ones with 7, 8 or 9.
/// </summary>
public static class Cns
{
    public static bool TryParse(string? input, out string digits)
    {
        digits = new string((input ?? "").Where(c => c is not ' ' and not '.' and not '-').ToArray());
        if (digits.Length != 15 || !digits.All(char.IsAsciiDigit)) { digits = ""; return false; }
        var first = digits[0];
        if (first is not ('1' or '2' or '7' or '8' or '9')) { digits = ""; return false; }
        if (first is '1' or '2' && digits[11..14] is not ("000" or "001")) { digits = ""; return false; }
        var sum = 0;
        for (var i = 0; i < 15; i++) sum += (digits[i] - '0') * (15 - i);
        if (sum % 11 != 0) { digits = ""; return false; }
        return true;
    }

    public static bool IsValid(string? input) => TryParse(input, out _);

    public static bool IsProvisional(string digits) => digits.Length == 15 && digits[0] is '7' or '8' or '9';
}

/// <summary>CEP: 8 digits, shown 00000-000 (format check only: no public check digit).</summary>
public static class Cep
{
    public static bool TryParse(string? input, out string digits)
    {
        digits = new string((input ?? "").Where(c => c is not ' ' and not '-' and not '.').ToArray());
        if (digits.Length == 8 && digits.All(char.IsAsciiDigit)) return true;
        digits = "";
        return false;
    }

    public static bool IsValid(string? input) => TryParse(input, out _);

    public static string Format(string digits) => digits.Length == 8 ? $"{digits[..5]}-{digits[5..]}" : digits;
}

public enum PhoneKind { Landline, Mobile }

/// <summary>
/// Brazilian phone numbers: DDD plus 8 digits for landlines (first digit 2-5) or 9 digits for mobiles (first digit 9).
/// Stored as E.164 (+55DDNNNNNNNNN). Numbers are never rewritten by guesswork (no adding or dropping the 9).
/// </summary>
public static class BrazilianPhone
{
    private static readonly HashSet<int> ValidDdds =
    [
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38,
        41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69,
        71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99,
    ];

    public static bool IsValidDdd(int ddd) => ValidDdds.Contains(ddd);

    /// <summary>Accepts "(11) 98765-4321", "11987654321", "+55 11 98765-4321", "0xx11...": gives "+5511987654321".</summary>
    public static bool TryParse(string? input, out string e164, out PhoneKind kind)
    {
        e164 = ""; kind = default;
        if (string.IsNullOrWhiteSpace(input)) return false;
        var trimmed = input.Trim();
        if (trimmed.Any(c => !char.IsAsciiDigit(c) && c is not ' ' and not '(' and not ')' and not '-' and not '+' and not '.')) return false;
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (trimmed.StartsWith('+'))
        {
            if (!digits.StartsWith("55", StringComparison.Ordinal)) return false;
            digits = digits[2..];
        }
        else if (digits.Length is 12 or 13 && digits.StartsWith("55", StringComparison.Ordinal)) digits = digits[2..];
        else if (digits.StartsWith('0')) digits = digits.TrimStart('0'); // trunk prefix 0 (and carrier code is not supported)

        if (digits.Length is not (10 or 11)) return false;
        var ddd = int.Parse(digits[..2], System.Globalization.CultureInfo.InvariantCulture);
        if (!IsValidDdd(ddd)) return false;
        var subscriber = digits[2..];
        if (subscriber.Length == 9 && subscriber[0] == '9') kind = PhoneKind.Mobile;
        else if (subscriber.Length == 8 && subscriber[0] is >= '2' and <= '5') kind = PhoneKind.Landline;
        else return false;
        e164 = "+55" + digits;
        return true;
    }

    public static bool IsValid(string? input) => TryParse(input, out _, out _);

    /// <summary>(11) 98765-4321 / (11) 3333-4444</summary>
    public static string Format(string e164)
    {
        if (!e164.StartsWith("+55", StringComparison.Ordinal)) return e164;
        var d = e164[3..];
        return d.Length switch
        {
            11 => $"({d[..2]}) {d[2..7]}-{d[7..]}",
            10 => $"({d[..2]}) {d[2..6]}-{d[6..]}",
            _ => e164,
        };
    }
}
