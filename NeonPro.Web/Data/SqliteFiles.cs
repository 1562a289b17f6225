using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NeonPro.Web.Data;

/// <summary>The SQLite database as files: a consistent copy of it while the app writes, and the check of a copy.</summary>
public static class SqliteFiles
{
    /// <summary>Readable and writable by the service's user only: a copy holds everything the database holds.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// VACUUM INTO: one read transaction, so the copy is the database at one instant even while bookings are written
    /// (writers go on; WAL lets them), compacted, without the -wal file. The target is created empty first with the
    /// owner-only mode: SQLite would create it with the process umask (usually readable by everyone).
    /// </summary>
    public static async Task CopyAsync(DbContext db, string target, CancellationToken ct)
    {
        CreateEmptyOwnerOnly(target);
        await db.Database.ExecuteSqlAsync($"VACUUM INTO {target}", ct);
    }

    public static void CreateEmptyOwnerOnly(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
        using var _ = new FileStream(path, options);
    }

    /// <summary>A copy of a file, created owner-only.</summary>
    public static void CopyOwnerOnly(string source, string target)
    {
        CreateEmptyOwnerOnly(target);
        using var from = File.OpenRead(source);
        using var to = new FileStream(target, FileMode.Truncate, FileAccess.Write);
        from.CopyTo(to);
        to.Flush(flushToDisk: true);
    }

    /// <summary>PRAGMA integrity_check on a database file, opened read-only: "ok", or what SQLite found wrong.</summary>
    public static async Task<string> IntegrityCheckAsync(string file, CancellationToken ct)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(cs);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) lines.Add(reader.GetString(0));
        return string.Join("; ", lines);
    }

    /// <summary>The file of a SQLite connection string.</summary>
    public static string DatabaseFile(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;
}
