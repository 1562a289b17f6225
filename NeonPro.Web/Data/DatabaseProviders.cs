using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NeonPro.Web.Data;

/// <summary>The database engines NeonPro runs on. The one switch between them lives in this file.</summary>
public enum DatabaseProvider { Sqlite, Postgres, SqlServer }

/// <summary>Options of the Database section and the NeonPro connection string.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "";
    /// <summary>Where the SQLite file, the audit key and exports live.</summary>
    public string DataFolder { get; set; } = "";
}

/// <summary>
/// Every decision that differs between engines is an exhaustive switch on <see cref="DatabaseProvider"/> here, ending
/// in <see cref="Unknown"/>: an engine added to the enum but not to a switch fails loudly instead of silently taking
/// another engine's branch (an implicit "else SQLite" would take no lock at all on a server and double-book).
/// </summary>
public static class DatabaseProviders
{
    public static InvalidOperationException Unknown(DatabaseProvider provider) => new($"Unknown database provider {provider}");

    /// <summary>
    /// Database:Provider as written in configuration. Empty means the default, SQLite; a value that names no engine
    /// (a typo, an engine we do not support) stops the app instead of falling back to SQLite beside the real server.
    /// </summary>
    public static DatabaseProvider ParseProvider(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        // Enum.TryParse also accepts numbers ("7"); only the names count.
        if (Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider) && !value.Trim().All(char.IsAsciiDigit))
            return provider;
        throw new InvalidOperationException($"Unknown database provider {value}: Database:Provider is Sqlite, Postgres or SqlServer.");
    }

    /// <summary>The engine behind an EF provider name (a context's <c>Database.ProviderName</c>, a migration's <c>ActiveProvider</c>).</summary>
    public static DatabaseProvider FromProviderName(string? providerName) => providerName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
        "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.Postgres,
        "Microsoft.EntityFrameworkCore.SqlServer" => DatabaseProvider.SqlServer,
        _ => throw new InvalidOperationException($"Unknown database provider {providerName}"),
    };

    public static DatabaseProvider ProviderOf(DbContext db) => FromProviderName(db.Database.ProviderName);

    public static DatabaseOptions ReadOptions(IConfiguration config, string contentRoot)
    {
        var provider = ParseProvider(config["Database:Provider"]);
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
            case DatabaseProvider.SqlServer:
                // No EnableRetryOnFailure: our writes run in explicit transactions (booking, audit chain, anonymization),
                // which a retrying strategy refuses, and replaying one statement of such a transaction would be wrong
                // anyway. A transient failure fails the request; the person tries again.
                options.UseSqlServer(db.ConnectionString);
                break;
            default:
                throw Unknown(db.Provider);
        }
        // Each engine sees its own migrations set and snapshot (Data/Migrations/<engine>).
        options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
    }

    /// <summary>
    /// A connection string in the engine's own syntax that opens nothing: for what needs the engine's SQL dialect
    /// but no database (the schema script, `dotnet ef migrations add`).
    /// </summary>
    public static string PlaceholderConnectionString(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "Data Source=neonpro.db",
        DatabaseProvider.Postgres => "Host=localhost;Database=neonpro",
        DatabaseProvider.SqlServer => "Server=localhost;Database=neonpro",
        _ => throw Unknown(provider),
    };

    /// <summary>
    /// Whether the app makes its own backup copies (the backup job, the backup and restore verbs). SQLite is a file the
    /// app owns; a server engine is backed up with its own tools (pg_dump, BACKUP DATABASE), which know its
    /// transaction logs, replicas and permissions far better than the app could.
    /// </summary>
    public static bool AppMakesBackups(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => true,
        DatabaseProvider.Postgres or DatabaseProvider.SqlServer => false,
        _ => throw Unknown(provider),
    };

    /// <summary>Makes appending to the audit chain exclusive for the rest of the current transaction.</summary>
    public static async Task LockAuditChainAsync(DbContext db, CancellationToken ct)
    {
        switch (ProviderOf(db))
        {
            case DatabaseProvider.Sqlite:
                // SQLite transactions start with BEGIN IMMEDIATE: the write lock is already ours.
                break;
            case DatabaseProvider.Postgres:
                // A transaction-scoped advisory lock; released at commit or rollback.
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(724100)", ct);
                break;
            case DatabaseProvider.SqlServer:
                await SqlServerAppLock.AcquireAsync(db, SqlServerAppLock.AuditChainResource, ct);
                break;
            default:
                throw Unknown(ProviderOf(db));
        }
    }

    /// <summary>
    /// The order in which resource locks are taken, the same on every engine: two bookings that share resources
    /// take them in the same sequence, so neither can hold one the other waits for while waiting for one it holds.
    /// </summary>
    public static IReadOnlyList<Guid> LockOrder(IEnumerable<Guid> resourceIds) => [.. resourceIds.Distinct().Order()];

    /// <summary>
    /// Serialises writers that check-then-insert on the same resources (a professional, a room, a patient) for the
    /// rest of the current transaction. On SQLite the transaction already holds the database's write lock
    /// (BEGIN IMMEDIATE); on PostgreSQL each resource gets a transaction-scoped advisory lock and on SQL Server a
    /// transaction-owned application lock (sp_getapplock), taken in <see cref="LockOrder"/> so two bookings never wait
    /// on each other in a cycle. The audit chain's lock comes after these, at save.
    /// </summary>
    public static async Task LockResourcesAsync(DbContext db, IEnumerable<Guid> resourceIds, CancellationToken ct)
    {
        switch (ProviderOf(db))
        {
            case DatabaseProvider.Sqlite:
                break;
            case DatabaseProvider.Postgres:
                foreach (var id in LockOrder(resourceIds))
                {
                    var key = BitConverter.ToInt64(id.ToByteArray(), 0);
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
                }
                break;
            case DatabaseProvider.SqlServer:
                foreach (var id in LockOrder(resourceIds))
                    await SqlServerAppLock.AcquireAsync(db, SqlServerAppLock.ResourceName(id), ct);
                break;
            default:
                throw Unknown(ProviderOf(db));
        }
    }

    /// <summary>
    /// Called right after a transaction that erased personal data (an anonymization) has committed: no copy of the
    /// database's files taken from now on may hold the former values (LGPD Art. 18 IV and VI, Art. 46).
    /// </summary>
    /// <remarks>
    /// SQLite: secure_delete (set on every connection) already zeroes the old content in the main file's pages, but
    /// the committed transaction sits in the -wal file together with the earlier page versions that still hold the
    /// former values, until a checkpoint copies the pages home and truncates the log. The periodic job does that
    /// every few minutes; here it happens at once.
    /// PostgreSQL: the old row versions stay as dead tuples in the table's pages until (auto)vacuum reclaims them,
    /// and in WAL segments, archives, replicas and backups until those rotate out. Nothing an app transaction can
    /// force covers all of that; the README says what the operator does (VACUUM, backup retention).
    /// SQL Server: the same holds for ghost records awaiting cleanup, the transaction log until it is backed up and
    /// truncated, the row-version store, and earlier backups; the README says what the operator does.
    /// </remarks>
    public static async Task MakeErasedDataUnrecoverableAsync(DatabaseProvider provider, DbContext db, ILogger log, CancellationToken ct)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                await TruncateWriteAheadLogAsync(db, log, ct);
                break;
            case DatabaseProvider.Postgres:
            case DatabaseProvider.SqlServer:
                break;
            default:
                throw Unknown(provider);
        }
    }

    /// <summary>
    /// PRAGMA wal_checkpoint(TRUNCATE): copies every committed page from the -wal file into the database file and
    /// truncates the log to zero bytes. It cannot finish while another connection still reads an older snapshot
    /// (that reader needs the old page versions): it then waits in the busy handler (busy_timeout, 5 s) and reports
    /// busy. Readers here are page requests of a few milliseconds, so one more try after a short pause suffices; a
    /// reader that outlasts both (an export, a backup) is logged, and the periodic checkpoint job finishes the work:
    /// the anonymizing request cannot wait for it indefinitely, and failing it would not undo the committed erasure.
    /// </summary>
    private static async Task TruncateWriteAheadLogAsync(DbContext db, ILogger log, CancellationToken ct)
    {
        const int attempts = 2;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            for (var attempt = 1; attempt <= attempts; attempt++)
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                long busy;
                await using (var reader = await command.ExecuteReaderAsync(ct))
                {
                    // One row: busy (1 if a reader or writer blocked it), frames in the log, frames checkpointed.
                    busy = await reader.ReadAsync(ct) ? reader.GetInt64(0) : 0;
                }
                if (busy == 0) return;
                if (attempt < attempts) await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), ct);
            }
            log.LogWarning("The write-ahead log could not be truncated after erasing personal data: a reader held an older snapshot through {Attempts} attempts. The periodic checkpoint job will finish it.", attempts);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Creates the database file's folder, switches SQLite to WAL and applies pending migrations.</summary>
    public static async Task MigrateAsync(NeonProDbContext db, CancellationToken ct = default)
    {
        switch (ProviderOf(db))
        {
            case DatabaseProvider.Sqlite:
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
                break;
            case DatabaseProvider.Postgres:
            case DatabaseProvider.SqlServer:
                // The server owns its files; EF's migrator takes its own lock against a second node migrating at once.
                break;
            default:
                throw Unknown(ProviderOf(db));
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
