using System.Buffers;
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
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        HashOf(e, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Whether the row's stored hash is the hash of its content; allocates nothing (verify walks millions of rows).</summary>
    public static bool HashMatches(AuditEntry e)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        HashOf(e, hash);
        Span<char> hex = stackalloc char[SHA256.HashSizeInBytes * 2];
        Convert.TryToHexStringLower(hash, hex, out _);
        return e.Hash.AsSpan().SequenceEqual(hex);
    }

    private const string InstantFormat = "yyyy-MM-ddTHH:mm:ss.fffffffZ";

    /// <summary>
    /// The layout, written as UTF-8 straight into a buffer: each field as its length in UTF-16 characters, ':', the
    /// value and '|'. Length-prefixed so that no two different rows can serialise to the same text; null gets a marker
    /// no length prefix can start with ("-|"), so a NULL column and any string (even "\0") hash differently.
    /// </summary>
    private static void HashOf(AuditEntry e, Span<byte> hash)
    {
        var at = DateTime.SpecifyKind(e.OccurredAtUtc, DateTimeKind.Utc);
        var action = e.Action.ToString();
        var max = 160 + action.Length * 3;
        foreach (var text in (ReadOnlySpan<string?>)[e.PreviousHash, e.UserId, e.UserName, e.Role, e.IpAddress, e.UserAgent, e.EntityType, e.EntityId, e.OldValues, e.NewValues])
            max += text is null ? 2 : Encoding.UTF8.GetMaxByteCount(text.Length) + 12;
        byte[]? rented = max > 2048 ? ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> buffer = rented is null ? stackalloc byte[2048] : rented;
        var n = 0;

        void Text(Span<byte> buffer, string? value)
        {
            if (value is null) { buffer[n++] = (byte)'-'; buffer[n++] = (byte)'|'; return; }
            value.Length.TryFormat(buffer[n..], out var w, default, CultureInfo.InvariantCulture);
            n += w;
            buffer[n++] = (byte)':';
            n += Encoding.UTF8.GetBytes(value, buffer[n..]);
            buffer[n++] = (byte)'|';
        }
        void Ascii(Span<byte> buffer, ReadOnlySpan<byte> value)
        {
            value.Length.TryFormat(buffer[n..], out var w, default, CultureInfo.InvariantCulture);
            n += w;
            buffer[n++] = (byte)':';
            value.CopyTo(buffer[n..]);
            n += value.Length;
            buffer[n++] = (byte)'|';
        }

        Text(buffer, e.PreviousHash);
        Span<byte> scratch = stackalloc byte[40];
        e.Sequence.TryFormat(scratch, out var written, default, CultureInfo.InvariantCulture);
        Ascii(buffer, scratch[..written]);
        at.TryFormat(scratch, out written, InstantFormat, CultureInfo.InvariantCulture);
        Ascii(buffer, scratch[..written]);
        Text(buffer, e.UserId);
        Text(buffer, e.UserName);
        Text(buffer, e.Role);
        Text(buffer, e.IpAddress);
        Text(buffer, e.UserAgent);
        Text(buffer, action);
        Text(buffer, e.EntityType);
        Text(buffer, e.EntityId);
        Text(buffer, e.OldValues);
        Text(buffer, e.NewValues);
        SHA256.HashData(buffer[..n], hash);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
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
        if (!AuditChain.HashMatches(row))
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
