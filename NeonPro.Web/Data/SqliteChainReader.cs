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

    /// <summary>
    /// Reads rows past <paramref name="last"/> in sequence order until the chain ends, breaks or needs EF. This thread
    /// only reads: it copies rows into batches, and other cores hash each batch's rows (SHA-256 is most of the cost, and
    /// a row's content hash depends on that row alone). The batches are then checked here in sequence order with the
    /// hashes they came back with (the link check compares stored values), so the first break reported is the same as
    /// a walk on one thread finds. At most <see cref="BatchesInFlight"/> batches are in flight, plus the one being filled:
    /// memory stays flat.
    /// </summary>
    private static Stop Scan(sqlite3 handle, AuditChainWalk walk, IReadOnlySet<long> anchored, Dictionary<long, string> anchoredHashes,
        ref long last, CancellationToken ct)
    {
        using var statement = Prepare(handle);
        raw.sqlite3_bind_int64(statement, 1, last);
        var pointer = statement.DangerousGetHandle();
        var inFlight = new Queue<RowBatch>();
        var free = new Stack<RowBatch>();
        try
        {
            var batch = new RowBatch();
            while (true)
            {
                var rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW) SqliteException.ThrowExceptionForRC(rc, handle);
                if (rc == raw.SQLITE_ROW) batch.Add(pointer);
                if (batch.Count == RowBatch.Capacity || (rc == raw.SQLITE_DONE && batch.Count > 0))
                {
                    ct.ThrowIfCancellationRequested();
                    batch.StartHashing();
                    inFlight.Enqueue(batch);
                    batch = free.Count > 0 ? free.Pop() : new RowBatch();
                }
                // Check the oldest batch when the pipeline is full, and every batch once the rows have all been read.
                while (inFlight.Count >= BatchesInFlight || (rc == raw.SQLITE_DONE && inFlight.Count > 0))
                {
                    var oldest = inFlight.Dequeue();
                    var stop = oldest.Check(walk, anchored, anchoredHashes, ref last);
                    if (stop is not null) return stop.Value;
                    oldest.Clear();
                    free.Push(oldest);
                }
                if (rc == raw.SQLITE_DONE) return default;
            }
        }
        finally
        {
            // A break or a row for EF ends the scan early: batches still being hashed are left to finish (their
            // results are not needed) before the statement whose rows they copied goes away.
            foreach (var pending in inFlight) pending.WaitQuietly();
        }
    }

    // Enough batches for every core to hash one while this thread reads the next.
    private static readonly int BatchesInFlight = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>
    /// Rows copied from the statement into one buffer (each row's hashed columns, its sequence and time), then hashed
    /// on a pool thread and checked in order. Reused once checked.
    /// </summary>
    private sealed class RowBatch
    {
        public const int Capacity = 1024;
        private const int Columns = 12; // PreviousHash (statement column 2) to Hash (13)
        private const int HashSize = 32;

        private byte[] _bytes = new byte[Capacity * 1024];
        private int _used;
        private readonly long[] _sequence = new long[Capacity];
        // The time as EF reads it, or null when the stored text is not in the form EF writes: that row is read through EF.
        private readonly DateTime?[] _occurredAtUtc = new DateTime?[Capacity];
        private readonly int[] _start = new int[Capacity * Columns];
        private readonly int[] _length = new int[Capacity * Columns]; // -1: NULL
        private readonly byte[] _hashes = new byte[Capacity * HashSize];
        private readonly bool[] _hashed = new bool[Capacity];
        private Task? _hashing;

        public int Count { get; private set; }

        public void Add(IntPtr statement)
        {
            var row = Count++;
            _sequence[row] = Native.sqlite3_column_int64(statement, 0);
            _occurredAtUtc[row] = null;
            if (Native.sqlite3_column_type(statement, 1) == raw.SQLITE_TEXT)
            {
                var at = Copy(statement, 1);
                if (TryParseStoredInstant(_bytes.AsSpan(at.Start, at.Length), out var occurredAtUtc)) _occurredAtUtc[row] = occurredAtUtc;
                _used = at.Start; // the time's text is not kept
            }
            for (var column = 0; column < Columns; column++)
            {
                var (start, length) = Copy(statement, column + 2);
                _start[row * Columns + column] = start;
                _length[row * Columns + column] = length;
            }
        }

        private (int Start, int Length) Copy(IntPtr statement, int column)
        {
            // The text form of the value (sqlite3_column_blob converts a number to text, as GetString would); only a
            // value with no bytes can be NULL, and one more call tells.
            var pointer = Native.sqlite3_column_blob(statement, column);
            var length = Native.sqlite3_column_bytes(statement, column);
            if (length == 0 && Native.sqlite3_column_type(statement, column) == raw.SQLITE_NULL) return (_used, -1);
            if (_used + length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_used + length, _bytes.Length * 2));
            if (length > 0) Marshal.Copy(pointer, _bytes, _used, length);
            var start = _used;
            _used += length;
            return (start, length);
        }

        public void StartHashing() => _hashing = Task.Run(Hash);

        private void Hash()
        {
            using var hasher = new StoredRowHasher();
            for (var row = 0; row < Count; row++)
            {
                if (_occurredAtUtc[row] is null) { _hashed[row] = false; continue; }
                var stored = Row(row);
                _hashed[row] = hasher.TryHash(stored, _hashes.AsSpan(row * HashSize, HashSize));
            }
        }

        /// <summary>Checks this batch's rows in order once hashed; what stopped the scan, or null to go on.</summary>
        public Stop? Check(AuditChainWalk walk, IReadOnlySet<long> anchored, Dictionary<long, string> anchoredHashes, ref long last)
        {
            _hashing!.GetAwaiter().GetResult();
            for (var row = 0; row < Count; row++)
            {
                var sequence = _sequence[row];
                if (_occurredAtUtc[row] is null) return new Stop(null, sequence);
                var stored = Row(row);
                var hash = _hashed[row] ? _hashes.AsSpan(row * HashSize, HashSize) : default;
                if (!walk.TryNext(stored, hash, out var broken)) return new Stop(null, sequence);
                if (broken is not null) return new Stop(broken, null);
                if (anchored.Contains(sequence)) anchoredHashes[sequence] = System.Text.Encoding.UTF8.GetString(stored.Hash.Bytes);
                last = sequence;
            }
            return null;
        }

        public void WaitQuietly()
        {
            // Only waits: the scan is already ending with its own result or exception.
            try { _hashing?.Wait(); } catch (AggregateException) { }
        }

        public void Clear()
        {
            Count = 0;
            _used = 0;
            _hashing = null;
        }

        private StoredAuditRow Row(int row) => new()
        {
            Sequence = _sequence[row],
            OccurredAtUtc = _occurredAtUtc[row] ?? default,
            PreviousHash = Column(row, 0),
            UserId = Column(row, 1),
            UserName = Column(row, 2),
            Role = Column(row, 3),
            IpAddress = Column(row, 4),
            UserAgent = Column(row, 5),
            Action = Column(row, 6).Bytes,
            EntityType = Column(row, 7),
            EntityId = Column(row, 8),
            OldValues = Column(row, 9),
            NewValues = Column(row, 10),
            Hash = Column(row, 11),
        };

        private Utf8Column Column(int row, int column)
        {
            var length = _length[row * Columns + column];
            return length < 0 ? new Utf8Column(default, isNull: true) : new Utf8Column(_bytes.AsSpan(_start[row * Columns + column], length));
        }
    }

    /// <summary>
    /// Direct calls into the SQLite library that Microsoft.Data.Sqlite loaded. Each SQLitePCL call takes and releases
    /// the statement's SafeHandle and switches GC mode; at two or three calls per column, 14 columns a row, that cost
    /// more than SQLite's own reading. These functions only read the current row's values (or convert one to text),
    /// never block and never call back, which is what SuppressGCTransition requires. The caller holds the statement.
    /// </summary>
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
