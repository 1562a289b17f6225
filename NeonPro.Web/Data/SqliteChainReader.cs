using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Domain.Audit;
using SQLitePCL;

namespace NeonPro.Web.Data;

/// <summary>
/// Walks the chain on SQLite straight from the statement's column buffers: each row's text is hashed as the UTF-8
/// SQLite already holds, without an entity, a string or a parsed value per column (verify reads millions of rows; an
/// entity per row cost most of the time). A row this cannot read exactly as EF would (a time not in the form EF
/// writes, text that is not valid UTF-8, an action stored by another name) is read through EF and checked the
/// reference way, so the verdict is the same as walking entities.
/// </summary>
internal static class SqliteChainReader
{
    private const string Columns =
        "\"Sequence\", \"OccurredAtUtc\", \"PreviousHash\", \"UserId\", \"UserName\", \"Role\", \"IpAddress\", \"UserAgent\", " +
        "\"Action\", \"EntityType\", \"EntityId\", \"OldValues\", \"NewValues\", \"Hash\"";

    private const string Sql = "SELECT " + Columns + " FROM \"AuditEntries\" WHERE \"Sequence\" > @after ORDER BY \"Sequence\"";

    /// <summary>What a stretch of the scan ended on: the end of the chain, a break, or a row to read through EF.</summary>
    private readonly record struct Stop(AuditChainBreak? Break, long? ReadThroughEf);

    public static async Task<(long Last, AuditChainBreak? Break)> WalkAsync(NeonProDbContext db, AuditChainWalk walk,
        IReadOnlySet<long> anchored, Dictionary<long, string> anchoredHashes, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
            long last = 0;
            while (true)
            {
                var stop = Scan(handle, walk, anchored, anchoredHashes, ref last, ct);
                if (stop.Break is not null || stop.ReadThroughEf is not { } sequence) return (last, stop.Break);
                var row = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Sequence == sequence, ct);
                if (walk.Next(row) is { } broken) return (last, broken);
                if (anchored.Contains(row.Sequence)) anchoredHashes[row.Sequence] = row.Hash;
                last = row.Sequence;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Reads rows past <paramref name="last"/> in sequence order until the chain ends, breaks or needs EF.</summary>
    private static Stop Scan(sqlite3 handle, AuditChainWalk walk, IReadOnlySet<long> anchored, Dictionary<long, string> anchoredHashes,
        ref long last, CancellationToken ct)
    {
        using var statement = Prepare(handle);
        using var hasher = new StoredRowHasher();
        raw.sqlite3_bind_int64(statement, 1, last);
        var row = new RowBuffer(statement.DangerousGetHandle());
        for (var count = 1L; ; count++)
        {
            var rc = raw.sqlite3_step(statement);
            if (rc == raw.SQLITE_DONE) return default;
            if (rc != raw.SQLITE_ROW) SqliteException.ThrowExceptionForRC(rc, handle);
            if ((count & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();

            var sequence = row.Int64(0);
            if (row.Type(1) != raw.SQLITE_TEXT || !TryParseStoredInstant(row.Read(1), out var occurredAtUtc)) return new Stop(null, sequence);
            row.ReadAll(2, 13);
            var stored = new StoredAuditRow
            {
                Sequence = sequence,
                OccurredAtUtc = occurredAtUtc,
                PreviousHash = row.Column(2),
                UserId = row.Column(3),
                UserName = row.Column(4),
                Role = row.Column(5),
                IpAddress = row.Column(6),
                UserAgent = row.Column(7),
                Action = row.Column(8).Bytes,
                EntityType = row.Column(9),
                EntityId = row.Column(10),
                OldValues = row.Column(11),
                NewValues = row.Column(12),
                Hash = row.Column(13),
            };
            if (!walk.TryNext(stored, hasher, out var broken)) return new Stop(null, sequence);
            if (broken is not null) return new Stop(broken, null);
            if (anchored.Contains(sequence)) anchoredHashes[sequence] = System.Text.Encoding.UTF8.GetString(stored.Hash.Bytes);
            last = sequence;
        }
    }

    /// <summary>
    /// The current row's columns copied into one reusable buffer, read with direct calls into the SQLite library that
    /// Microsoft.Data.Sqlite loaded. Each SQLitePCL call takes and releases the statement's SafeHandle and switches GC
    /// mode; at two or three calls per column, 14 columns a row, that cost more than SQLite's own reading. These
    /// functions only read the current row's values (or convert one to text), never block and never call back, which
    /// is what SuppressGCTransition requires. Valid while the statement is (the caller holds it).
    /// </summary>
    private sealed class RowBuffer(IntPtr statement)
    {
        private byte[] _bytes = new byte[16 * 1024];
        private readonly int[] _start = new int[14];
        private readonly int[] _length = new int[14];
        private readonly bool[] _null = new bool[14];

        public long Int64(int column) => Native.sqlite3_column_int64(statement, column);

        public int Type(int column) => Native.sqlite3_column_type(statement, column);

        /// <summary>One column's bytes, alone at the start of the buffer.</summary>
        public ReadOnlySpan<byte> Read(int column)
        {
            Copy(column, 0);
            return _bytes.AsSpan(0, _length[column]);
        }

        /// <summary>Copies columns <paramref name="first"/> to <paramref name="last"/> one after another.</summary>
        public void ReadAll(int first, int last)
        {
            var at = 0;
            for (var column = first; column <= last; column++) at = Copy(column, at);
        }

        public Utf8Column Column(int column) =>
            _null[column] ? new Utf8Column(default, isNull: true) : new Utf8Column(_bytes.AsSpan(_start[column], _length[column]));

        private int Copy(int column, int at)
        {
            // The text form of the value (sqlite3_column_blob converts a number to text, as GetString would); only a
            // value with no bytes can be NULL, and one more call tells.
            var pointer = Native.sqlite3_column_blob(statement, column);
            var length = Native.sqlite3_column_bytes(statement, column);
            _null[column] = length == 0 && Native.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;
            if (at + length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(at + length, _bytes.Length * 2));
            if (length > 0) Marshal.Copy(pointer, _bytes, at, length);
            _start[column] = at;
            _length[column] = length;
            return at + length;
        }
    }

    private static class Native
    {
        // The library SQLitePCLRaw's e_sqlite3 provider loads (the bundle Microsoft.Data.Sqlite uses).
        private const string Library = "e_sqlite3";

        [DllImport(Library), SuppressGCTransition] public static extern IntPtr sqlite3_column_blob(IntPtr statement, int column);
        [DllImport(Library), SuppressGCTransition] public static extern int sqlite3_column_bytes(IntPtr statement, int column);
        [DllImport(Library), SuppressGCTransition] public static extern int sqlite3_column_type(IntPtr statement, int column);
        [DllImport(Library), SuppressGCTransition] public static extern long sqlite3_column_int64(IntPtr statement, int column);
    }

    private static sqlite3_stmt Prepare(sqlite3 handle)
    {
        var rc = raw.sqlite3_prepare_v2(handle, Sql, out var statement);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, handle);
        return statement;
    }

    /// <summary>
    /// The instant as EF stores a DateTime on SQLite, "yyyy-MM-dd HH:mm:ss" then "." and 1 to 7 digits with no trailing
    /// zero when there is a fraction (format FFFFFFF). Any other form is left to EF's own reading.
    /// </summary>
    internal static bool TryParseStoredInstant(ReadOnlySpan<byte> s, out DateTime value)
    {
        value = default;
        if (s.Length != 19 && s.Length is < 21 or > 27) return false;
        if (s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':') return false;
        if (!Digits(s[..4], out var year) || !Digits(s[5..7], out var month) || !Digits(s[8..10], out var day)
            || !Digits(s[11..13], out var hour) || !Digits(s[14..16], out var minute) || !Digits(s[17..19], out var second))
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return false;
        var ticks = 0L;
        if (s.Length > 19)
        {
            var fraction = s[20..];
            if (s[19] != '.' || fraction[^1] == '0' || !Digits(fraction, out var digits)) return false;
            ticks = digits;
            for (var i = fraction.Length; i < 7; i++) ticks *= 10;
        }
        value = new DateTime(year, month, day, hour, minute, second).AddTicks(ticks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < (byte)'0' or > (byte)'9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
