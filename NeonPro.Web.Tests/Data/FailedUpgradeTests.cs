using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using NeonPro.Web.Data;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Data;

/// <summary>
/// An upgrade whose migrations fail part-way leaves the database as it was before the upgrade, on each engine: the
/// app's migrations plus two of a pretend next release, the first fine, the second failing.
/// </summary>
public sealed class FailedUpgradeTests
{
    [Fact]
    public async Task A_failed_migration_leaves_the_SQLite_database_as_it_was()
    {
        var folder = NeonProFactory.NewDataFolder();
        Directory.CreateDirectory(folder);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "neonpro.db"), Pooling = false }.ToString();
        try
        {
            await AssertFailedUpgradeChangesNothingAsync(DatabaseProvider.Sqlite, connectionString, """
                SELECT m.name || '.' || p.name || ':' || p.type FROM sqlite_master m JOIN pragma_table_info(m.name) p
                WHERE m.type = 'table'
                UNION ALL SELECT 'index ' || name FROM sqlite_master WHERE type = 'index'
                """);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_failed_migration_leaves_the_PostgreSQL_database_as_it_was() =>
        await AssertFailedUpgradeChangesNothingAsync(DatabaseProvider.Postgres, PostgresServer.Instance.CreateDatabase(), """
            SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL SELECT 'index ' || indexname FROM pg_indexes WHERE schemaname = 'public'
            """);

    private static async Task AssertFailedUpgradeChangesNothingAsync(DatabaseProvider provider, string connectionString, string describeSchema)
    {
        await using (var installed = Context(provider, connectionString, nextRelease: false))
            await DatabaseProviders.MigrateAsync(installed);
        var before = await DescribeAsync(provider, connectionString, describeSchema);

        await using (var upgraded = Context(provider, connectionString, nextRelease: true))
        {
            Assert.Equal(2, (await upgraded.Database.GetPendingMigrationsAsync()).Count());
            await Assert.ThrowsAnyAsync<Exception>(() => DatabaseProviders.MigrateAsync(upgraded));
        }

        var after = await DescribeAsync(provider, connectionString, describeSchema);
        Assert.Equal(before, after);
        Assert.DoesNotContain(after, f => f.Contains("UpgradeProbe", StringComparison.Ordinal) || f.Contains("UpgradeNote", StringComparison.Ordinal));
    }

    /// <summary>The schema facts and the migration history, sorted.</summary>
    private static async Task<List<string>> DescribeAsync(DatabaseProvider provider, string connectionString, string describeSchema)
    {
        await using var db = Context(provider, connectionString, nextRelease: false);
        var facts = await db.Database.SqlQueryRaw<string>(describeSchema).ToListAsync();
        facts.AddRange((await db.Database.GetAppliedMigrationsAsync()).Select(m => "applied " + m));
        facts.Sort(StringComparer.Ordinal);
        return facts;
    }

    private static NeonProDbContext Context(DatabaseProvider provider, string connectionString, bool nextRelease)
    {
        var builder = new DbContextOptionsBuilder<NeonProDbContext>();
        DatabaseProviders.Configure(builder, new DatabaseOptions { Provider = provider, ConnectionString = connectionString });
        if (nextRelease) builder.ReplaceService<IMigrationsAssembly, NextReleaseMigrations>();
        return new NeonProDbContext(builder.Options);
    }

    /// <summary>This engine's own migrations (as the app finds them) followed by the two of the pretend release.</summary>
    private sealed class NextReleaseMigrations(ICurrentDbContext context, IDatabaseProvider provider, IMigrationsIdGenerator ids) : IMigrationsAssembly
    {
        private readonly ProviderMigrationsAssembly released = new(context, provider, ids);
        private SortedList<string, TypeInfo>? migrations;

        public IReadOnlyDictionary<string, TypeInfo> Migrations => migrations ??= new SortedList<string, TypeInfo>(released.Migrations.ToDictionary())
        {
            ["29991230000000_UpgradeThatWorks"] = typeof(UpgradeThatWorks).GetTypeInfo(),
            ["29991231000000_UpgradeThatFails"] = typeof(UpgradeThatFails).GetTypeInfo(),
        };

        public ModelSnapshot? ModelSnapshot => released.ModelSnapshot;
        public Assembly Assembly => released.Assembly;
        public string? FindMigrationId(string nameOrId) => Migrations.Keys.FirstOrDefault(id => id == nameOrId || ids.GetName(id) == nameOrId);
        public Migration CreateMigration(TypeInfo migrationClass, string activeProvider) => released.CreateMigration(migrationClass, activeProvider);
    }

    private sealed class UpgradeThatWorks : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable("UpgradeProbe", t => new { Id = t.Column<int>(nullable: false) },
                constraints: t => t.PrimaryKey("PK_UpgradeProbe", x => x.Id));
            migrationBuilder.AddColumn<string>("UpgradeNote", "Patients", nullable: true);
        }
    }

    private sealed class UpgradeThatFails : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex("IX_UpgradeProbe_Id", "UpgradeProbe", "Id");
            // A statement the engine refuses, as a migration with a mistake in it would.
            migrationBuilder.Sql("INSERT INTO \"TableThatDoesNotExist\" VALUES (1)");
        }
    }
}
