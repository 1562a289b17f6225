using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Patients;

namespace NeonPro.Web.Features.Patients;

/// <summary>One line of the patient search: what the front desk needs to tell two people apart.</summary>
public sealed record PatientSearchResult(Guid Id, string DisplayName, string? Cpf, bool IsForeigner, DateOnly BirthDate, string? Phone)
{
    public string MaskedCpf => Cpf is { Length: 11 } ? Domain.Patients.Cpf.Masked(Cpf) : "";
    public string PhoneText => Phone is null ? "" : BrazilianPhone.Format(Phone);
}

/// <summary>
/// The one search box: name fragments without accents ("joao sil"), CPF digits (prefix) or phone digits (suffix).
/// Every branch is a range scan on an index, so it stays fast on 100,000 patients: names through
/// PatientNameTokens (Token, PatientId), CPF through the unique CPF index, phones through the reversed digits.
/// </summary>
public sealed class PatientSearch(NeonProDbContext db)
{
    public const int MaxResults = 20;
    private const int MinCpfDigits = 3;
    private const int MinPhoneDigits = 4;

    public async Task<IReadOnlyList<PatientSearchResult>> FindAsync(string? query, CancellationToken ct = default)
    {
        var text = (query ?? "").Trim();
        if (text.Length == 0) return [];
        if (text.Any(char.IsLetter)) return await ByNameAsync(SearchText.Tokens(text), ct);

        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        var results = new List<PatientSearchResult>();
        if (digits.Length is >= MinCpfDigits and <= 11) results.AddRange(await ByCpfAsync(digits, ct));
        if (digits.Length >= MinPhoneDigits && results.Count < MaxResults)
        {
            foreach (var r in await ByPhoneAsync(PatientSearchColumns.NationalDigits(digits), ct))
                if (results.All(x => x.Id != r.Id)) results.Add(r);
        }
        return results.Take(MaxResults).ToList();
    }

    /// <summary>
    /// Every typed token must prefix-match some word of the name. The most selective token drives the query as an index
    /// range read in index order, so LIMIT stops early; the others are EXISTS probes on the primary key
    /// (PatientId, Token). Results come back sorted by name.
    /// </summary>
    private async Task<IReadOnlyList<PatientSearchResult>> ByNameAsync(IReadOnlyList<string> tokens, CancellationToken ct)
    {
        if (tokens.Count == 0) return [];
        var drive = await MostSelectiveAsync(tokens, ct);
        var (low, high) = PrefixRange(drive, TokenLength);

        var rows = db.PatientNameTokens.AsNoTracking()
            .Where(t => t.Token.CompareTo(low) >= 0 && t.Token.CompareTo(high) <= 0)
            .Join(db.Patients.AsNoTracking(), t => t.PatientId, p => p.Id, (t, p) => new { t.Token, t.PatientId, Patient = p })
            .Where(x => x.Patient.AnonymizedAtUtc == null);
        foreach (var other in tokens.Where(t => t != drive))
        {
            var (otherLow, otherHigh) = PrefixRange(other, TokenLength);
            rows = rows.Where(x => db.PatientNameTokens.Any(o =>
                o.PatientId == x.PatientId && o.Token.CompareTo(otherLow) >= 0 && o.Token.CompareTo(otherHigh) <= 0));
        }

        // One patient can match the driving token twice ("da" in "da" and "dantas"): read a few extra, keep one each.
        var found = await rows
            .OrderBy(x => x.Token).ThenBy(x => x.PatientId)
            .Take(MaxResults * 2)
            .Select(x => new PatientSearchResult(x.Patient.Id,
                x.Patient.SocialName != null && x.Patient.SocialName != "" ? x.Patient.SocialName : x.Patient.FullName,
                x.Patient.Cpf, x.Patient.IsForeigner, x.Patient.BirthDate, x.Patient.MobilePhone ?? x.Patient.OtherPhone))
            .ToListAsync(ct);

        var culture = CultureInfo.GetCultureInfo("pt-BR");
        return found.DistinctBy(r => r.Id).Take(MaxResults)
            .OrderBy(r => r.DisplayName, StringComparer.Create(culture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace))
            .ToList();
    }

    /// <summary>
    /// The token whose prefix range holds the fewest name words. "maria dos santos": every word is common, but the
    /// rarest bounds the rows the query walks when fewer than 20 patients match. Counting is an index-only range read,
    /// capped, so asking costs less than guessing wrong (the longest token is the guess for a single word).
    /// </summary>
    private async Task<string> MostSelectiveAsync(IReadOnlyList<string> tokens, CancellationToken ct)
    {
        if (tokens.Count == 1) return tokens[0];
        const int cap = 5_000;
        var best = tokens[0];
        var fewest = int.MaxValue;
        foreach (var token in tokens.OrderByDescending(t => t.Length))
        {
            var (low, high) = PrefixRange(token, TokenLength);
            var count = await db.PatientNameTokens.AsNoTracking()
                .Where(t => t.Token.CompareTo(low) >= 0 && t.Token.CompareTo(high) <= 0)
                .OrderBy(t => t.Token).Take(Math.Min(cap, fewest)).CountAsync(ct);
            if (count < fewest)
            {
                best = token;
                fewest = count;
            }
            if (fewest == 0) break; // nobody has this word: the answer is empty whichever token drives
        }
        return best;
    }

    private async Task<IReadOnlyList<PatientSearchResult>> ByCpfAsync(string digits, CancellationToken ct)
    {
        var (low, high) = PrefixRange(digits, CpfLength);
        return await db.Patients.AsNoTracking()
            .Where(p => p.Cpf != null && p.Cpf.CompareTo(low) >= 0 && p.Cpf.CompareTo(high) <= 0 && p.AnonymizedAtUtc == null)
            .OrderBy(p => p.Cpf)
            .Take(MaxResults)
            .Select(Project)
            .ToListAsync(ct);
    }

    /// <summary>"Ends with" on the phone, as a prefix range on the reversed digits (the mobile, or the other phone when there is no mobile).</summary>
    private async Task<IReadOnlyList<PatientSearchResult>> ByPhoneAsync(string nationalDigits, CancellationToken ct)
    {
        if (nationalDigits.Length < MinPhoneDigits) return [];
        var (low, high) = PrefixRange(PatientSearchColumns.Reverse(nationalDigits), PhoneColumnLength);
        return await db.Patients.AsNoTracking()
            .Where(p => p.PhoneDigitsReversed != null && p.PhoneDigitsReversed.CompareTo(low) >= 0 && p.PhoneDigitsReversed.CompareTo(high) <= 0
                        && p.AnonymizedAtUtc == null)
            .OrderBy(p => p.PhoneDigitsReversed)
            .Take(MaxResults)
            .Select(Project)
            .ToListAsync(ct);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Patient, PatientSearchResult>> Project = p =>
        new PatientSearchResult(p.Id, p.SocialName != null && p.SocialName != "" ? p.SocialName : p.FullName,
            p.Cpf, p.IsForeigner, p.BirthDate, p.MobilePhone ?? p.OtherPhone);

    // The longest value each searched column holds (see PatientConfigurations).
    public const int TokenLength = 100;
    public const int SearchNameLength = 420;
    private const int CpfLength = 11;
    private const int PhoneColumnLength = 40;

    /// <summary>
    /// [prefix, prefix padded with its alphabet's last character to the column's length], both ends inclusive: a plain
    /// range predicate every engine answers from a b-tree index. Padding (not "the next code point") keeps it right
    /// under any collation: a linguistic one (PostgreSQL's default, SQL Server's) ignores the '{' or ':' that
    /// incrementing 'z' or '9' gives, and a varchar column cannot hold U+FFFF. Searched values are normalised
    /// names (lower-case letters and digits, spaces in SearchName) or digits, so nothing they hold sorts past the pad.
    /// </summary>
    public static (string Low, string High) PrefixRange(string prefix, int columnLength)
    {
        var pad = prefix.All(char.IsAsciiDigit) ? '9' : 'z';
        return (prefix, prefix + new string(pad, Math.Max(0, columnLength - prefix.Length)));
    }
}

/// <summary>The columns the search reads, recomputed from the registry fields in the same save that changes them.</summary>
public static class PatientSearchColumns
{
    private const int MaxTokenLength = 100;
    private const int MaxSearchNameLength = 420;

    /// <summary>
    /// SearchName, the name tokens and the reversed phone digits. NameTokens must be loaded for a patient already on
    /// file: tokens no longer in the name are removed and only new ones are added (the key is PatientId + Token).
    /// </summary>
    public static void Refresh(Patient patient)
    {
        var searchName = SearchText.Normalize($"{patient.FullName} {patient.SocialName}");
        patient.SearchName = searchName.Length > MaxSearchNameLength ? searchName[..MaxSearchNameLength] : searchName;
        patient.PhoneDigitsReversed = ReversedPhones(patient.MobilePhone, patient.OtherPhone);

        var wanted = SearchText.Tokens(patient.FullName, patient.SocialName)
            .Select(t => t.Length > MaxTokenLength ? t[..MaxTokenLength] : t)
            .ToHashSet(StringComparer.Ordinal);
        patient.NameTokens.RemoveAll(t => !wanted.Contains(t.Token));
        foreach (var token in wanted)
        {
            if (patient.NameTokens.All(t => t.Token != token))
                patient.NameTokens.Add(new NameToken { PatientId = patient.Id, Token = token });
        }
    }

    /// <summary>The national digits (DDD + number) of each stored E.164 phone, reversed, space separated.</summary>
    public static string? ReversedPhones(params string?[] e164Phones)
    {
        var parts = e164Phones
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => Reverse(new string((p!.StartsWith("+55", StringComparison.Ordinal) ? p[3..] : p).Where(char.IsAsciiDigit).ToArray())))
            .Where(p => p.Length > 0)
            .ToList();
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }

    /// <summary>
    /// Typed phone digits as the national number ends: a whole number typed with the country code (55...) or the trunk
    /// zero (011...) loses them; shorter input is a suffix and is kept as typed (a suffix may well start with 0).
    /// </summary>
    public static string NationalDigits(string typedDigits)
    {
        var digits = typedDigits;
        if (digits.Length is 12 or 13 && digits.StartsWith("55", StringComparison.Ordinal)) digits = digits[2..];
        else if (digits.Length is 11 or 12 && digits.StartsWith('0')) digits = digits[1..];
        return digits;
    }

    public static string Reverse(string digits)
    {
        var chars = digits.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
