using System.IO.Compression;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Data;

/// <summary>
/// An install made by an earlier release upgrades with all its data. Each Fixtures/release-COMMIT-small.db.gz is the
/// SQLite database that release made with its own migrations and the small demo set (with its audit key beside it);
/// Fixtures/make-release-database.sh COMMIT makes one from git history. The current build starts on a copy, must
/// keep every row it finds, and must end with the schema a fresh database gets.
/// </summary>
public sealed class PreviousReleaseUpgradeTests
{
    private static readonly string Fixtures = Path.Combine(RepositoryPaths.Root, "NeonPro.Web.Tests", "Fixtures");

    public static TheoryData<string> Releases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Fixtures, "release-*-small.db.gz").Order())
            data.Add(Path.GetFileName(file)["release-".Length..^"-small.db.gz".Length]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Releases))]
    public async Task A_database_made_by_that_release_starts_on_this_build_keeps_every_row_and_gets_todays_schema(string release)
    {
        using var app = new NeonProFactory();
        Directory.CreateDirectory(app.DataFolder);
        await using (var gz = new GZipStream(File.OpenRead(Path.Combine(Fixtures, $"release-{release}-small.db.gz")), CompressionMode.Decompress))
        await using (var file = File.Create(app.DatabasePath))
            await gz.CopyToAsync(file);
        File.Copy(Path.Combine(Fixtures, $"release-{release}-audit-hash.key"), Path.Combine(app.DataFolder, "audit-hash.key"));

        var before = ReadEveryRow(app.DatabasePath);
        var appliedBefore = before["__EFMigrationsHistory"].Rows.Count;
        Assert.True(before["Patients"].Rows.Count >= 300, $"the fixture should hold the small demo set, has {before["Patients"].Rows.Count} patients");
        Assert.True(before["Appointments"].Rows.Count > 1000, $"the fixture should hold the small demo set, has {before["Appointments"].Rows.Count} appointments");

        // Start the new build on it: migrations run at start-up; then a page that reads the old rows.
        var (client, _) = await app.SignedInClientAsync("Receptionist");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var search = await client.GetAsync("/Patients?q=" + Uri.EscapeDataString(PatientName(app.DatabasePath)));
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Contains(PatientName(app.DatabasePath), WebUtility.HtmlDecode(await search.Content.ReadAsStringAsync()));
        app.ReleaseDatabaseConnections();

        // Every row that was there is still there, unchanged (new rows may come: audit rows, keys, migrations).
        var after = ReadEveryRow(app.DatabasePath, before.ToDictionary(t => t.Key, t => t.Value.Columns));
        foreach (var (table, (_, rows)) in before)
        {
            Assert.True(after.ContainsKey(table), $"table {table} is gone");
            var lost = rows.Except(after[table].Rows).ToList();
            Assert.True(lost.Count == 0, $"{table}: {lost.Count} of {rows.Count} rows lost or changed, e.g. {lost.FirstOrDefault()}");
        }
        Assert.True(after["__EFMigrationsHistory"].Rows.Count > appliedBefore, "no migration of this build was applied");

        // The same schema as a database this build creates from nothing.
        var fresh = Path.Combine(app.DataFolder, "fresh.db");
        var options = new DbContextOptionsBuilder<NeonProDbContext>();
        DatabaseProviders.Configure(options, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={fresh};Pooling=False" });
        await using (var db = new NeonProDbContext(options.Options)) await DatabaseProviders.MigrateAsync(db);
        var upgraded = SqliteSchema.Describe(app.DatabasePath);
        var created = SqliteSchema.Describe(fresh);
        var differences = created.Where(kv => upgraded.GetValueOrDefault(kv.Key) != kv.Value).Select(kv => $"fresh {kv.Key}: {kv.Value}; upgraded: {upgraded.GetValueOrDefault(kv.Key) ?? "absent"}")
            .Concat(upgraded.Keys.Except(created.Keys).Select(k => $"upgraded only {k}: {upgraded[k]}")).ToList();
        Assert.True(differences.Count == 0, "the upgraded schema differs from a fresh one:\n" + string.Join("\n", differences));
        Assert.Equal(Applied(fresh), Applied(app.DatabasePath).Intersect(Applied(fresh)).ToList());
    }

    /// <summary>Each table's columns and rows (one string a row); with columns given, a table is read on those only.</summary>
    private static Dictionary<string, (List<string> Columns, HashSet<string> Rows)> ReadEveryRow(
        string path, IReadOnlyDictionary<string, List<string>>? columns = null)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        var tables = SqliteSchema.Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").Select(r => r[0]!).ToList();
        var result = new Dictionary<string, (List<string>, HashSet<string>)>();
        foreach (var table in tables)
        {
            var read = columns?.GetValueOrDefault(table)
                ?? SqliteSchema.Query(connection, $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid").Select(r => r[0]!).ToList();
            var select = string.Join(", ", read.Select(c => $"\"{c}\""));
            var rows = SqliteSchema.Query(connection, $"SELECT {select} FROM \"{table}\"").Select(r => string.Join(" | ", r.Select(v => v ?? "∅"))).ToHashSet();
            result[table] = (read, rows);
        }
        return result;
    }

    private static string PatientName(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return SqliteSchema.Query(connection, "SELECT FullName FROM Patients WHERE AnonymizedAtUtc IS NULL ORDER BY Id LIMIT 1").Single()[0]!;
    }

    private static List<string> Applied(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return SqliteSchema.Query(connection, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId").Select(r => r[0]!).ToList();
    }
}
