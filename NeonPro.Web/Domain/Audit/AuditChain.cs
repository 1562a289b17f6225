using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NeonPro.Web.Domain.Audit;

/// <summary>Pure rules of the audit hash chain: how a row's hash is computed and how a chain is checked.</summary>
public static class AuditChain
{
    /// <summary>The previous-hash of the very first row.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>SHA-256 over the previous hash and every field of the row, in a fixed, unambiguous layout.</summary>
    public static string ComputeHash(AuditEntry e)
    {
        var sb = new StringBuilder(512);
        void Field(string? value)
        {
            // Length-prefixed so that no two different rows can serialise to the same text; null gets a marker
            // no length prefix can start with, so a NULL column and any string (even "\0") hash differently.
            if (value is null)
            {
                sb.Append("-|");
                return;
            }
            sb.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
        }
        Field(e.PreviousHash);
        Field(e.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(DateTime.SpecifyKind(e.OccurredAtUtc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
        Field(e.UserId);
        Field(e.UserName);
        Field(e.Role);
        Field(e.IpAddress);
        Field(e.UserAgent);
        Field(e.Action.ToString());
        Field(e.EntityType);
        Field(e.EntityId);
        Field(e.OldValues);
        Field(e.NewValues);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>
    /// Walks rows in sequence order and returns the first one that does not fit the chain
    /// (its content changed, its link to the previous row is wrong, or a row before it is missing),
    /// or null when the chain is intact.
    /// </summary>
    public static AuditChainBreak? FindFirstBreak(IEnumerable<AuditEntry> rowsInSequenceOrder)
    {
        var walk = new AuditChainWalk();
        foreach (var row in rowsInSequenceOrder)
            if (walk.Next(row) is { } broken) return broken;
        return null;
    }
}

/// <summary>Checks a chain one row at a time, so a long trail can be streamed from the database.</summary>
public sealed class AuditChainWalk
{
    private string _expectedPrevious = AuditChain.Genesis;
    private long _expectedSequence = 1;

    public long RowsChecked { get; private set; }

    /// <summary>The break this row shows, or null when it fits the chain so far.</summary>
    public AuditChainBreak? Next(AuditEntry row)
    {
        RowsChecked++;
        if (row.Sequence != _expectedSequence)
            return new AuditChainBreak(row.Sequence, AuditBreakReason.MissingRows);
        if (!string.Equals(row.PreviousHash, _expectedPrevious, StringComparison.Ordinal))
            return new AuditChainBreak(row.Sequence, AuditBreakReason.BrokenLink);
        if (!string.Equals(AuditChain.ComputeHash(row), row.Hash, StringComparison.Ordinal))
            return new AuditChainBreak(row.Sequence, AuditBreakReason.ContentChanged);
        _expectedPrevious = row.Hash;
        _expectedSequence = row.Sequence + 1;
        return null;
    }
}

public enum AuditBreakReason
{
    ContentChanged,
    BrokenLink,
    MissingRows,
    /// <summary>An anchor recorded a longer chain: rows were cut off its end (the sequence is the anchor's).</summary>
    MissingAtEnd,
    /// <summary>The row an anchor recorded now has another hash: the chain was rewritten from there on.</summary>
    DiffersFromAnchor,
    /// <summary>A line of the anchor log cannot be read (the sequence is the line's number).</summary>
    AnchorUnreadable,
}

public sealed record AuditChainBreak(long Sequence, AuditBreakReason Reason);
