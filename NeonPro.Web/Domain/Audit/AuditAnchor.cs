using System.Globalization;

namespace NeonPro.Web.Domain.Audit;

/// <summary>
/// The chain's head (last sequence and its hash) as it stood at a moment, kept outside the audit table. A chain
/// checks itself row by row, but rows cut off its end leave a shorter chain that still checks: an anchor shows them.
/// </summary>
public sealed record AuditAnchor(long Sequence, string Hash, DateTime AtUtc)
{
    /// <summary>One line of the anchor log: sequence, hash and ISO-8601 UTC time, separated by tabs.</summary>
    public string ToLine() =>
        string.Join('\t', Sequence.ToString(CultureInfo.InvariantCulture), Hash, AtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));

    public static bool TryParse(string line, out AuditAnchor anchor)
    {
        anchor = null!;
        var parts = line.Split('\t');
        if (parts.Length != 3
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1
            || parts[1].Length == 0
            || !DateTime.TryParseExact(parts[2], "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            return false;
        anchor = new AuditAnchor(sequence, parts[1], at);
        return true;
    }

    /// <summary>
    /// Compares a chain that checked row by row with its anchors. <paramref name="hashOf"/> gives the stored hash of
    /// an anchored sequence (null when there is no such row); <paramref name="lastSequence"/> is the chain's last row (0 if empty).
    /// </summary>
    public static AuditChainBreak? Check(IEnumerable<AuditAnchor> anchors, long lastSequence, Func<long, string?> hashOf)
    {
        foreach (var anchor in anchors.OrderByDescending(a => a.Sequence))
        {
            if (anchor.Sequence > lastSequence) return new AuditChainBreak(anchor.Sequence, AuditBreakReason.MissingAtEnd);
            if (!string.Equals(hashOf(anchor.Sequence), anchor.Hash, StringComparison.Ordinal))
                return new AuditChainBreak(anchor.Sequence, AuditBreakReason.DiffersFromAnchor);
        }
        return null;
    }
}
