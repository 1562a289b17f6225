using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Data;

/// <summary>
/// The migrations are written by hand (EF's design-time package does not restore here), so these tests are
/// what keeps them honest: the schema the migrations build must be the schema the model describes, and the
/// committed SQL scripts must be what the migrations generate today.
/// </summary>
public sealed class MigrationParityTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "neonpro-parity", Guid.NewGuid().ToString("N"));

    public MigrationParityTests() => Directory.CreateDirectory(_folder);

    private static NeonProDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<NeonProDbContext>();
        DatabaseProviders.Configure(builder, new DatabaseOptions { Provider = provider, ConnectionString = connectionString });
        return new NeonProDbContext(builder.Options);
    }

    [Fact]
    public async Task Migrations_build_exactly_the_schema_the_model_describes()
    {
        var migrated = Path.Combine(_folder, "migrated.db");
        var created = Path.Combine(_folder, "created.db");
        await using (var db = Context(DatabaseProvider.Sqlite, $"Data Source={migrated};Pooling=False"))
            await DatabaseProviders.MigrateAsync(db);
        await using (var db = Context(DatabaseProvider.Sqlite, $"Data Source={created};Pooling=False"))
            await db.Database.EnsureCreatedAsync();

        var fromMigrations = SqliteSchema.Describe(migrated);
        var fromModel = SqliteSchema.Describe(created);

        var missing = fromModel.Where(kv => !fromMigrations.TryGetValue(kv.Key, out var v) || v != kv.Value)
            .Select(kv => $"model has   {kv.Key}: {kv.Value}  (migrations: {fromMigrations.GetValueOrDefault(kv.Key) ?? "absent"})");
        var extra = fromMigrations.Where(kv => !fromModel.ContainsKey(kv.Key))
            .Select(kv => $"migrations have {kv.Key}: {kv.Value}  (model: absent)");
        var differences = missing.Concat(extra).ToList();
        Assert.True(differences.Count == 0,
            "The migrations do not match the model; write a migration for the model change:\n" + string.Join("\n", differences));
        Assert.True(fromModel.Count > 50, $"expected a real schema, read {fromModel.Count} facts");
    }

    [Fact]
    public async Task Every_migration_is_discovered_and_applied()
    {
        var path = Path.Combine(_folder, "applied.db");
        await using var db = Context(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False");
        await DatabaseProviders.MigrateAsync(db);
        var all = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "database/sqlite.sql", "Data Source=unused.db")]
    [InlineData(DatabaseProvider.Postgres, "database/postgres.sql", "Host=localhost;Database=neonpro")]
    [InlineData(DatabaseProvider.SqlServer, "database/sqlserver.sql", "Server=localhost;Database=neonpro")]
    public void Committed_schema_script_is_what_the_migrations_generate(DatabaseProvider provider, string file, string connectionString)
    {
        using var db = Context(provider, connectionString);
        var expected = CommandLine.GenerateSchemaScript(db);
        var path = Path.Combine(RepositoryPaths.Root, file);
        Assert.True(File.Exists(path), $"{file} is missing: run `dotnet run --project NeonPro.Web -- db-script` and save its output there");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(expected == committed,
            $"{file} is stale: regenerate it with `dotnet run --project NeonPro.Web -- db-script --provider {provider.ToString().ToLowerInvariant()} > {file}`");
    }

    public void Dispose()
    {
        // Every connection here is unpooled, so nothing holds the files.
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
