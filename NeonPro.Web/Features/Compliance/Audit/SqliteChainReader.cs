using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using SQLitePCL;

namespace NeonPro.Web.Features.Compliance.Audit;

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
        for (var count = 1L; ; count++)
        {
            var rc = raw.sqlite3_step(statement);
            if (rc == raw.SQLITE_DONE) return default;
            if (rc != raw.SQLITE_ROW) SqliteException.ThrowExceptionForRC(rc, handle);
            if ((count & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();

            var sequence = raw.sqlite3_column_int64(statement, 0);
            if (!TryReadInstant(statement, 1, out var occurredAtUtc)) return new Stop(null, sequence);
            var row = new StoredAuditRow
            {
                Sequence = sequence,
                OccurredAtUtc = occurredAtUtc,
                PreviousHash = Required(statement, 2),
                UserId = Text(statement, 3),
                UserName = Text(statement, 4),
                Role = Text(statement, 5),
                IpAddress = Text(statement, 6),
                UserAgent = Text(statement, 7),
                Action = raw.sqlite3_column_blob(statement, 8),
                EntityType = Text(statement, 9),
                EntityId = Text(statement, 10),
                OldValues = Text(statement, 11),
                NewValues = Text(statement, 12),
                Hash = Required(statement, 13),
            };
            if (!walk.TryNext(row, hasher, out var broken)) return new Stop(null, sequence);
            if (broken is not null) return new Stop(broken, null);
            if (anchored.Contains(sequence)) anchoredHashes[sequence] = System.Text.Encoding.UTF8.GetString(row.Hash.Bytes);
            last = sequence;
        }
    }

    private static sqlite3_stmt Prepare(sqlite3 handle)
    {
        var rc = raw.sqlite3_prepare_v2(handle, Sql, out var statement);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, handle);
        return statement;
    }

    // The column's bytes as SQLite holds them: for TEXT the UTF-8 the app wrote, exactly what GetString would decode. Only
    // no bytes at all can be NULL (or ''): one more call tells which (a call per column per row is most of the reading).
    private static Utf8Column Text(sqlite3_stmt statement, int column)
    {
        var bytes = raw.sqlite3_column_blob(statement, column);
        return !bytes.IsEmpty || raw.sqlite3_column_type(statement, column) != raw.SQLITE_NULL ? new Utf8Column(bytes) : new Utf8Column(default, isNull: true);
    }

    // A NOT NULL column (the schema says so): its bytes.
    private static Utf8Column Required(sqlite3_stmt statement, int column) => new(raw.sqlite3_column_blob(statement, column));

    /// <summary>
    /// The instant as EF stores a DateTime on SQLite, "yyyy-MM-dd HH:mm:ss" then "." and 1 to 7 digits with no trailing
    /// zero when there is a fraction (format FFFFFFF). Any other form (or type) is left to EF's own reading.
    /// </summary>
    private static bool TryReadInstant(sqlite3_stmt statement, int column, out DateTime value)
    {
        value = default;
        if (raw.sqlite3_column_type(statement, column) != raw.SQLITE_TEXT) return false;
        return TryParseStoredInstant(raw.sqlite3_column_blob(statement, column), out value);
    }

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
