using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Data;

/// <summary>
/// Each engine's migrations set against the model: its snapshot describes the model as it is (nobody forgot
/// `dotnet ef migrations add`), the migrations build exactly the schema the model describes, and the committed SQL
/// scripts are what the migrations generate today.
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
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Each_engine_has_its_own_snapshot_and_it_describes_the_model(DatabaseProvider provider)
    {
        using var db = Context(provider, DatabaseProviders.PlaceholderConnectionString(provider));
        var migrations = db.GetService<IMigrationsAssembly>();
        var own = ProviderMigrationsAssembly.NamespaceOf(provider);
        Assert.Equal(own, migrations.ModelSnapshot?.GetType().Namespace);
        // The shared hand-written migrations, then this engine's own; never another engine's.
        Assert.All(migrations.Migrations.Values, m => Assert.Contains(m.Namespace, new[] { ProviderMigrationsAssembly.SharedNamespace, own }));
        Assert.Contains(migrations.Migrations.Values, m => m.Namespace == own);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes the {provider} migrations do not cover: run database/add-migration.sh NAME (README, For developers).");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.SqlServer)]
    public async Task The_running_app_sees_the_same_model_as_the_migrations(DatabaseProvider provider)
    {
        // The app's own services (Identity's options among them) shape the model too; dotnet ef and the tests above
        // build the context without them. Built, not started: nothing connects.
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder([
            $"--Database:Provider={provider}", $"--ConnectionStrings:NeonPro={DatabaseProviders.PlaceholderConnectionString(provider)}",
            $"--NeonPro:DataFolder={_folder}"]);
        NeonPro.Web.Infrastructure.NeonProApp.AddNeonPro(builder);
        await using var app = builder.Build();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NeonProDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(), $"On {provider} the running app's model differs from the migrations' snapshot.");
    }

    [Fact]
    public async Task Starting_on_a_model_no_migration_covers_is_refused()
    {
        // A model with one more column than the snapshots know, as when someone forgets `dotnet ef migrations add`.
        var builder = new DbContextOptionsBuilder<NeonProDbContext>();
        DatabaseProviders.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(_folder, "drift.db")};Pooling=False" });
        builder.ReplaceService<IModelCustomizer, ExtraColumnCustomizer>();
        await using var db = new NeonProDbContext(builder.Options);
        Assert.True(db.Database.HasPendingModelChanges());
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseProviders.MigrateAsync(db));
        Assert.Contains("PendingModelChangesWarning", refused.Message);
    }

    private sealed class ExtraColumnCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            modelBuilder.Entity<NeonPro.Web.Domain.Catalog.Room>().Property<string>("Forgotten");
        }
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
