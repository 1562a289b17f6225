using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

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
    /// One field of the layout whose characters are its bytes (digits, an instant, ASCII names), written at
    /// <paramref name="n"/> as "length:value|"; returns where the next field starts. The reference hash and the
    /// stored-row hasher both write such fields through this, so the two layouts cannot drift apart.
    /// </summary>
    internal static int WriteAsciiField(Span<byte> buffer, int n, ReadOnlySpan<byte> value)
    {
        value.Length.TryFormat(buffer[n..], out var w, default, CultureInfo.InvariantCulture);
        n += w;
        buffer[n++] = (byte)':';
        value.CopyTo(buffer[n..]);
        n += value.Length;
        buffer[n++] = (byte)'|';
        return n;
    }

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
        void Ascii(Span<byte> buffer, ReadOnlySpan<byte> value) => n = WriteAsciiField(buffer, n, value);

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
    /// The hash of a row read as the database stores it (UTF-8 text), without building its strings: the same bytes as
    /// <see cref="ComputeHash"/> of that row once read into an <see cref="AuditEntry"/>, for rows whose text is valid UTF-8
    /// and whose action is stored by its name. Returns false for any other row; verify then reads it the reference way.
    /// </summary>
    public static bool TryHashStored(scoped in StoredAuditRow row, Span<byte> hash)
    {
        using var hasher = new StoredRowHasher();
        return hasher.TryHash(row, hash);
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
    // The hash the next row must name as its previous one, as the lowercase hex text the chain stores (64 ASCII
    // characters: only a row whose hash matched becomes the previous one), kept as bytes for rows read as UTF-8.
    private readonly byte[] _expectedPrevious = Encoding.ASCII.GetBytes(AuditChain.Genesis);
    private long _expectedSequence = 1;

    public long RowsChecked { get; private set; }

    /// <summary>The break this row shows, or null when it fits the chain so far.</summary>
    public AuditChainBreak? Next(AuditEntry row)
    {
        RowsChecked++;
        if (row.Sequence != _expectedSequence)
            return new AuditChainBreak(row.Sequence, AuditBreakReason.MissingRows);
        if (row.PreviousHash is null || !Ascii.Equals(row.PreviousHash, _expectedPrevious))
            return new AuditChainBreak(row.Sequence, AuditBreakReason.BrokenLink);
        if (!AuditChain.HashMatches(row))
            return new AuditChainBreak(row.Sequence, AuditBreakReason.ContentChanged);
        Encoding.ASCII.GetBytes(row.Hash, _expectedPrevious);
        _expectedSequence = row.Sequence + 1;
        return null;
    }

    /// <summary>
    /// The same checks on a row read as the database stores it, without strings. Returns false, having checked nothing,
    /// when the row cannot be hashed that way (<see cref="AuditChain.TryHashStored"/>): the caller reads it into an
    /// <see cref="AuditEntry"/> and calls <see cref="Next"/>.
    /// </summary>
    public bool TryNext(scoped in StoredAuditRow row, StoredRowHasher hasher, out AuditChainBreak? broken)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        // Hashing before the link checks gives the same verdict: a row that breaks the sequence or the link is reported
        // as such whatever its hash.
        var hashed = hasher.TryHash(row, hash);
        return TryNext(row, hashed ? hash : default, out broken);
    }

    /// <summary>
    /// The same checks with the row's content hash computed beforehand (verify hashes rows on other threads while it
    /// reads); an empty <paramref name="contentHash"/> means the row could not be hashed as stored (returns false as
    /// <see cref="TryNext(in StoredAuditRow, StoredRowHasher, out AuditChainBreak?)"/> does).
    /// </summary>
    public bool TryNext(scoped in StoredAuditRow row, ReadOnlySpan<byte> contentHash, out AuditChainBreak? broken)
    {
        broken = null;
        if (row.Sequence != _expectedSequence)
        {
            RowsChecked++;
            broken = new AuditChainBreak(row.Sequence, AuditBreakReason.MissingRows);
            return true;
        }
        // Bytes equal the 64 ASCII characters expected exactly when the text read from them would: a byte that is not
        // valid UTF-8 reads as U+FFFD, which no hex digit equals.
        if (row.PreviousHash.IsNull || !row.PreviousHash.Bytes.SequenceEqual(_expectedPrevious))
        {
            RowsChecked++;
            broken = new AuditChainBreak(row.Sequence, AuditBreakReason.BrokenLink);
            return true;
        }
        if (contentHash.IsEmpty) return false;
        RowsChecked++;
        Span<byte> hex = stackalloc byte[SHA256.HashSizeInBytes * 2];
        Convert.TryToHexStringLower(contentHash, hex, out _);
        if (row.Hash.IsNull || !row.Hash.Bytes.SequenceEqual(hex))
        {
            broken = new AuditChainBreak(row.Sequence, AuditBreakReason.ContentChanged);
            return true;
        }
        hex.CopyTo(_expectedPrevious);
        _expectedSequence = row.Sequence + 1;
        return true;
    }
}

/// <summary>
/// Hashes stored rows (<see cref="AuditChain.TryHashStored"/>) one after another with one buffer and one SHA-256 state,
/// so a walk over millions of rows allocates nothing per row.
/// </summary>
public sealed class StoredRowHasher : IDisposable
{
    private byte[] _buffer = new byte[8192];
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    // The actions by the names AuditAction's ToString gives, as UTF-8, by length (the stored one is compared with few).
    private static readonly byte[][][] ActionsByLength = ActionNamesByLength();

    /// <inheritdoc cref="AuditChain.TryHashStored"/>
    public bool TryHash(scoped in StoredAuditRow row, Span<byte> hash)
    {
        if (!IsActionName(row.Action)) return false;
        var max = 80;
        foreach (var length in (ReadOnlySpan<int>)[row.PreviousHash.Length, row.UserId.Length, row.UserName.Length, row.Role.Length, row.IpAddress.Length,
            row.UserAgent.Length, row.Action.Length, row.EntityType.Length, row.EntityId.Length, row.OldValues.Length, row.NewValues.Length])
            max += length + 12;
        if (max > _buffer.Length) _buffer = new byte[Math.Max(max, _buffer.Length * 2)];
        var buffer = _buffer.AsSpan();
        var n = 0;

        // The layout of AuditChain.ComputeHash: each field as its length in UTF-16 characters, ':', the value and '|';
        // null as "-|".
        bool Text(Span<byte> buffer, in Utf8Column value)
        {
            if (value.IsNull) { buffer[n++] = (byte)'-'; buffer[n++] = (byte)'|'; return true; }
            int chars;
            if (Ascii.IsValid(value.Bytes)) chars = value.Bytes.Length;
            else if (Utf8.IsValid(value.Bytes)) chars = Encoding.UTF8.GetCharCount(value.Bytes);
            else return false; // read as a string, invalid bytes become U+FFFD: the reference way knows how
            chars.TryFormat(buffer[n..], out var w, default, CultureInfo.InvariantCulture);
            n += w;
            buffer[n++] = (byte)':';
            value.Bytes.CopyTo(buffer[n..]);
            n += value.Bytes.Length;
            buffer[n++] = (byte)'|';
            return true;
        }
        void Number(Span<byte> buffer, ReadOnlySpan<byte> value) => n = AuditChain.WriteAsciiField(buffer, n, value);

        if (!Text(buffer, row.PreviousHash)) return false;
        Span<byte> scratch = stackalloc byte[40];
        row.Sequence.TryFormat(scratch, out var written, default, CultureInfo.InvariantCulture);
        Number(buffer, scratch[..written]);
        // "O" of a UTC instant is the layout's yyyy-MM-ddTHH:mm:ss.fffffffZ, written by a fast path instead of a custom
        // format parsed per row.
        DateTime.SpecifyKind(row.OccurredAtUtc, DateTimeKind.Utc).TryFormat(scratch, out written, "O", CultureInfo.InvariantCulture);
        Number(buffer, scratch[..written]);
        if (!Text(buffer, row.UserId) || !Text(buffer, row.UserName) || !Text(buffer, row.Role) || !Text(buffer, row.IpAddress)
            || !Text(buffer, row.UserAgent) || !Text(buffer, new Utf8Column(row.Action)) || !Text(buffer, row.EntityType)
            || !Text(buffer, row.EntityId) || !Text(buffer, row.OldValues) || !Text(buffer, row.NewValues))
            return false;
        _sha256.AppendData(buffer[..n]);
        return _sha256.TryGetHashAndReset(hash, out _);
    }

    private static bool IsActionName(ReadOnlySpan<byte> stored)
    {
        if (stored.Length >= ActionsByLength.Length) return false;
        foreach (var name in ActionsByLength[stored.Length])
            if (stored.SequenceEqual(name)) return true;
        return false;
    }

    private static byte[][][] ActionNamesByLength()
    {
        var names = Enum.GetNames<AuditAction>().Select(Encoding.UTF8.GetBytes).ToList();
        var byLength = new byte[names.Max(n => n.Length) + 1][][];
        for (var length = 0; length < byLength.Length; length++) byLength[length] = [.. names.Where(n => n.Length == length)];
        return byLength;
    }

    public void Dispose() => _sha256.Dispose();
}

/// <summary>A text column as stored: its UTF-8 bytes, or NULL.</summary>
public readonly ref struct Utf8Column(ReadOnlySpan<byte> bytes, bool isNull = false)
{
    public ReadOnlySpan<byte> Bytes { get; } = bytes;
    public bool IsNull { get; } = isNull;
    public int Length => Bytes.Length;
}

/// <summary>An audit row's hashed columns as the database returned them, for checking millions of rows without building strings.</summary>
public ref struct StoredAuditRow
{
    public long Sequence;
    public DateTime OccurredAtUtc;
    public Utf8Column PreviousHash, UserId, UserName, Role, IpAddress, UserAgent, EntityType, EntityId, OldValues, NewValues, Hash;
    /// <summary>The action's stored text (its name, as the model converts it).</summary>
    public ReadOnlySpan<byte> Action;
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
