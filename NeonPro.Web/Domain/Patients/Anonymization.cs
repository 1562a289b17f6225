namespace NeonPro.Web.Domain.Patients;

/// <summary>Record-keeping rules for patients (Lei 13.787/2018; CFM 1.821/2007; LGPD Art. 16 I).</summary>
public static class RecordRetention
{
    public const int Years = 20;

    /// <summary>Medical records are kept at least 20 years from the last clinical entry.</summary>
    public static DateOnly RetainUntil(DateOnly lastClinicalEntry) => lastClinicalEntry.AddYears(Years);

    /// <summary>The marker identifying fields hold after anonymization.</summary>
    public const string AnonymizedMarker = "[anonimizado]";
}

/// <summary>Accent- and case-insensitive text for searching names ("João" and "joao" compare equal).</summary>
public static class SearchText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        var sb = new System.Text.StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            var cat = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) { sb.Append(c); lastWasSpace = false; }
            else if (!lastWasSpace && sb.Length > 0) { sb.Append(' '); lastWasSpace = true; }
        }
        return sb.ToString().TrimEnd().Normalize(System.Text.NormalizationForm.FormC);
    }

    /// <summary>The distinct words of a name, normalised; "da", "de", "dos" kept (people type them).</summary>
    public static IReadOnlyList<string> Tokens(params string?[] names) =>
        names.SelectMany(n => Normalize(n).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
}
