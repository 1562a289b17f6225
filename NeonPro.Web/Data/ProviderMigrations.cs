using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace NeonPro.Web.Data;

/// <summary>
/// One set of migrations per engine, each with its own model snapshot, made by `dotnet ef migrations add` (EF's
/// layout for several providers). The sets live side by side in this assembly, one namespace each
/// (Data/Migrations/Sqlite, /Postgres, /SqlServer), and this replaces EF's own lookup so that a context sees the
/// migrations of its engine only. EF's documented alternatives do not fit here: a context type per engine would make
/// every `dotnet ef` command ask which context is meant, and one migrations assembly per engine would have to
/// reference the web project while the web project loads it, a cycle.
/// </summary>
/// <remarks>
/// Before the sets existed, six migrations were written by hand, provider-neutral (Data/Migrations, 2026-11-21 to
/// 2026-11-28). Every install made by an earlier version has them in its history, so they stay, shared by every
/// set, and each engine's own migrations follow them. Each engine's snapshot started as the model those six built
/// (MigrationParityTests proved that on SQLite and PostgreSQL).
/// </remarks>
public sealed class ProviderMigrationsAssembly(ICurrentDbContext currentContext, IDatabaseProvider databaseProvider, IMigrationsIdGenerator ids)
    : IMigrationsAssembly
{
    /// <summary>The namespace of the hand-written migrations every engine shares.</summary>
    public const string SharedNamespace = "NeonPro.Web.Data.Migrations";

    private readonly Type contextType = currentContext.Context.GetType();
    private readonly string ownNamespace = NamespaceOf(DatabaseProviders.FromProviderName(databaseProvider.Name));
    private IReadOnlyDictionary<string, TypeInfo>? migrations;
    private ModelSnapshot? snapshot;

    /// <summary>The namespace (and folder under Data/Migrations) of an engine's migrations and snapshot.</summary>
    public static string NamespaceOf(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => SharedNamespace + ".Sqlite",
        DatabaseProvider.Postgres => SharedNamespace + ".Postgres",
        DatabaseProvider.SqlServer => SharedNamespace + ".SqlServer",
        _ => throw DatabaseProviders.Unknown(provider),
    };

    public Assembly Assembly => contextType.Assembly;

    public IReadOnlyDictionary<string, TypeInfo> Migrations => migrations ??= FindMigrations();

    public ModelSnapshot? ModelSnapshot => snapshot ??= OwnTypes<ModelSnapshot>(ownNamespace)
        .Select(t => (ModelSnapshot)Activator.CreateInstance(t.AsType())!)
        .SingleOrDefault();

    public string? FindMigrationId(string nameOrId) => Migrations.Keys.FirstOrDefault(id =>
        string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
        || string.Equals(ids.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private SortedList<string, TypeInfo> FindMigrations()
    {
        var result = new SortedList<string, TypeInfo>(StringComparer.Ordinal);
        foreach (var type in OwnTypes<Migration>(SharedNamespace).Concat(OwnTypes<Migration>(ownNamespace)))
        {
            var id = type.GetCustomAttribute<MigrationAttribute>()?.Id
                ?? throw new InvalidOperationException($"{type.FullName} has no [Migration] attribute.");
            result.Add(id, type);
        }
        return result;
    }

    private IEnumerable<TypeInfo> OwnTypes<T>(string ns) => Assembly.DefinedTypes.Where(t =>
        !t.IsAbstract && t.IsSubclassOf(typeof(T)) && t.Namespace == ns
        && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType);
}

/// <summary>
/// What `dotnet ef` builds the context with: the engine named after `--` (`-- --provider postgres`; SQLite when none),
/// with a placeholder connection string, since adding a migration or comparing the model needs no database.
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<NeonProDbContext>
{
    public NeonProDbContext CreateDbContext(string[] args)
    {
        var at = Array.FindIndex(args, a => a.Equals("--provider", StringComparison.OrdinalIgnoreCase));
        var provider = DatabaseProviders.ParseProvider(at >= 0 && at + 1 < args.Length ? args[at + 1] : null);
        var options = new DbContextOptionsBuilder<NeonProDbContext>();
        DatabaseProviders.Configure(options, new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = DatabaseProviders.PlaceholderConnectionString(provider),
        });
        return new NeonProDbContext(options.Options);
    }
}
