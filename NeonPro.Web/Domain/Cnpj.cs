namespace NeonPro.Web.Domain;

/// <summary>
/// The clinic's CNPJ. Since July 2026 (IN RFB 2.229/2024) the first 12 characters may be letters A-Z;
/// each character is worth its ASCII code minus 48 (so A = 17), and the two check digits stay numeric.
/// </summary>
public readonly record struct Cnpj
{
    private static readonly int[] FirstWeights = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    private static readonly int[] SecondWeights = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

    /// <summary>The 14 normalised characters, upper case, no punctuation.</summary>
    public string Value { get; }

    private Cnpj(string value) => Value = value;

    public static bool TryParse(string? input, out Cnpj cnpj)
    {
        cnpj = default;
        if (string.IsNullOrWhiteSpace(input)) return false;

        Span<char> chars = stackalloc char[14];
        var count = 0;
        foreach (var raw in input)
        {
            if (raw is '.' or '/' or '-' or ' ') continue;
            var c = char.ToUpperInvariant(raw);
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c)) return false;
            if (count == 14) return false;
            chars[count++] = c;
        }
        if (count != 14) return false;
        if (!char.IsAsciiDigit(chars[12]) || !char.IsAsciiDigit(chars[13])) return false;

        var allSame = true;
        for (var i = 1; i < 14; i++) allSame &= chars[i] == chars[0];
        if (allSame) return false;

        if (CheckDigit(chars[..12], FirstWeights) != chars[12] - '0') return false;
        if (CheckDigit(chars[..13], SecondWeights) != chars[13] - '0') return false;

        cnpj = new Cnpj(new string(chars));
        return true;
    }

    public static bool IsValid(string? input) => TryParse(input, out _);

    private static int CheckDigit(ReadOnlySpan<char> chars, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < chars.Length; i++) sum += (chars[i] - 48) * weights[i];
        var r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    }

    /// <summary>00.000.000/0000-00</summary>
    public string Formatted => Value is null
        ? string.Empty
        : $"{Value[..2]}.{Value[2..5]}.{Value[5..8]}/{Value[8..12]}-{Value[12..]}";

    public override string ToString() => Formatted;
}
