using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NeonPro.Web.Data;

/// <summary>The database engines NeonPro runs on. The one switch between them lives in this file.</summary>
public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Options of the Database section and the NeonPro connection string.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "";
    /// <summary>Where the SQLite file, the audit key and exports live.</summary>
    public string DataFolder { get; set; } = "";
}

public static class DatabaseProviders
{
    public static DatabaseOptions ReadOptions(IConfiguration config, string contentRoot)
    {
        var provider = Enum.TryParse<DatabaseProvider>(config["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;
        var dataFolder = config["NeonPro:DataFolder"];
        dataFolder = string.IsNullOrWhiteSpace(dataFolder) ? Path.Combine(contentRoot, "App_Data") : Path.GetFullPath(dataFolder, contentRoot);
        var connectionString = config.GetConnectionString("NeonPro");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
                throw new InvalidOperationException("ConnectionStrings:NeonPro is required when Database:Provider is not Sqlite.");
            connectionString = $"Data Source={Path.Combine(dataFolder, "neonpro.db")}";
        }
        if (provider == DatabaseProvider.Sqlite)
        {
            var csb = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, Pooling = true };
            if (!Path.IsPathRooted(csb.DataSource) && csb.DataSource != ":memory:")
                csb.DataSource = Path.GetFullPath(csb.DataSource, contentRoot);
            // Wait up to 30 s for another writer instead of failing at once (Microsoft.Data.Sqlite retries until then).
            if (csb.DefaultTimeout < 30) csb.DefaultTimeout = 30;
            connectionString = csb.ToString();
        }
        return new DatabaseOptions { Provider = provider, ConnectionString = connectionString, DataFolder = dataFolder };
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions db)
    {
        switch (db.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(db.ConnectionString);
                options.AddInterceptors(new SqlitePragmas());
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(db.ConnectionString);
                break;
        }
        // The migrations are written by hand (the EF design-time package does not restore here), so there is
        // no model snapshot for EF to compare with; a test proves migrations and model agree instead.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    /// <summary>Makes appending to the audit chain exclusive for the rest of the current transaction.</summary>
    public static Task LockAuditChainAsync(DbContext db, CancellationToken ct) =>
        db.Database.IsNpgsql()
            // A transaction-scoped advisory lock; released at commit or rollback.
            ? db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(724100)", ct)
            // SQLite transactions start with BEGIN IMMEDIATE: the write lock is already ours.
            : Task.CompletedTask;

    /// <summary>
    /// Serialises writers that check-then-insert on the same resources (a professional, a room, a patient) for the
    /// rest of the current transaction. On SQLite the transaction already holds the database's write lock
    /// (BEGIN IMMEDIATE); on PostgreSQL each resource gets a transaction-scoped advisory lock, taken in a fixed order
    /// so two bookings never wait on each other in a cycle. SQL Server would use sp_getapplock the same way.
    /// </summary>
    public static async Task LockResourcesAsync(DbContext db, IEnumerable<Guid> resourceIds, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return;
        foreach (var id in resourceIds.Distinct().Order())
        {
            var key = BitConverter.ToInt64(id.ToByteArray(), 0);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
        }
    }

    /// <summary>Creates the database file's folder, switches SQLite to WAL and applies pending migrations.</summary>
    public static async Task MigrateAsync(NeonProDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            var csb = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            var folder = Path.GetDirectoryName(csb.DataSource);
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                // WAL lets readers go on while one writer writes; the setting is stored in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>Per-connection SQLite settings that the connection string cannot carry.</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        // secure_delete: deleted and overwritten content is zeroed in the file, so an anonymized patient's former
        // name or CPF cannot be read back from free pages of a copy of the database (LGPD Art. 18 IV).
        private const string Pragmas = "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = Pragmas;
            cmd.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = Pragmas;
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
