using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NeonPro.Web.Data;
using NeonPro.Web.Features.Admin;
using NeonPro.Web.Infrastructure.Jobs;
using NeonPro.Web.Features.Admin.Backups;

namespace NeonPro.Web.Infrastructure.Cli;

/// <summary>
/// The verbs `dotnet run --project NeonPro.Web -- VERB ...` understands. Each runs, prints and exits
/// without serving. Logs go to standard error so that what a verb prints (db-script's SQL) stays clean.
/// </summary>
public static class CommandLine
{
    /// <summary>Configuration key the host arguments carry when a verb runs (logging reads it).</summary>
    public const string CommandKey = "NeonPro:Command";

    private static readonly string[] Verbs = ["create-admin", "seed-demo", "db-script", "jobs", "audit", "backup", "restore"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    /// <summary>
    /// The arguments the host sees. A verb's own options stay with the verb; configuration overrides written
    /// as --Section:Key=value pass through; `db-script --provider postgres|sqlserver` selects the provider to script for
    /// (no connection is made, so a placeholder connection string does).
    /// </summary>
    public static string[] HostArguments(string[] args)
    {
        if (!IsCommand(args)) return args;
        var host = new List<string> { $"--{CommandKey}={args[0]}" };
        host.AddRange(args.Skip(1).Where(IsConfigurationOverride));
        if (args[0] == "db-script" && ParseOptions(args.Skip(1).ToArray()).TryGetValue("provider", out var provider))
        {
            host.Add($"--Database:Provider={provider}");
            var engine = DatabaseProviders.ParseProvider(provider);
            // SQLite keeps the data folder's file: the script does not open it either.
            var placeholder = engine == DatabaseProvider.Sqlite ? null : DatabaseProviders.PlaceholderConnectionString(engine);
            if (placeholder is not null) host.Add($"--ConnectionStrings:NeonPro={placeholder}");
        }
        return [.. host];
    }

    private static bool IsConfigurationOverride(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':') && arg.Contains('=');

    public static async Task<int> RunAsync(WebApplication app, string[] args) => await RunAsync(app.Services, args);

    /// <summary>Runs a verb on the app's services (tests call this in-process).</summary>
    public static Task<int> RunAsync(IServiceProvider app, string[] args) => RunAsync(app, args, Console.Out);

    /// <summary>Runs a verb, printing what it reports to <paramref name="output"/> (audit verify; the others print to the console).</summary>
    public static Task<int> RunAsync(IServiceProvider app, string[] args, TextWriter output) => RunAsync(app, args, output, Console.Error);

    /// <summary>The same, with why a verb could not run (usage, no database) printed to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(IServiceProvider app, string[] args, TextWriter output, TextWriter error)
    {
        var verb = args[0];
        // jobs takes words; audit its sub-command first; every other verb takes --name value options.
        var options = verb == "jobs" ? [] : ParseOptions(args.Skip(verb == "audit" ? 2 : 1).ToArray());
        try
        {
            return verb switch
            {
                "create-admin" => await CreateAdminAsync(app, verb, options),
                "seed-demo" => await SeedDemoAsync(app, verb, options),
                "db-script" => DbScript(app),
                "jobs" => await JobsAsync(app, [.. args.Skip(1).Where(a => !IsConfigurationOverride(a))]),
                "audit" when args.Length > 1 && args[1] == "verify" => await AuditVerifyAsync(app, output),
                "audit" => throw new CommandLineException("usage: audit verify"),
                "backup" => await BackupAsync(app, verb, options),
                "restore" => await RestoreAsync(app, verb, options),
                _ => 2,
            };
        }
        catch (CommandLineException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider app, string verb, Dictionary<string, string> options)
    {
        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("password", out var password))
            throw new CommandLineException("usage: create-admin --email E --password P [--name \"Full Name\"]");
        using var scope = VerbScope(app, verb);
        await DatabaseStartup.PrepareAsync(scope.ServiceProvider);
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var result = await accounts.CreateOrResetAdminAsync(email, password, options.GetValueOrDefault("name"));
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) await Console.Error.WriteLineAsync(error);
            return 1;
        }
        Console.WriteLine(result.Created ? $"Admin {email} created." : $"Admin {email} reset: password set, unlocked, enabled.");
        return 0;
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider app, string verb, Dictionary<string, string> options)
    {
        var size = options.GetValueOrDefault("size", "small") switch
        {
            "small" => DemoSize.Small,
            "large" => DemoSize.Large,
            var other => throw new CommandLineException($"seed-demo: unknown size '{other}' (small or large)"),
        };
        using var scope = VerbScope(app, verb);
        await DatabaseStartup.PrepareAsync(scope.ServiceProvider);
        var seeders = scope.ServiceProvider.GetServices<IDemoSeeder>().OrderBy(s => s.Order).ToList();
        var report = new DemoSeedReport();
        foreach (var seeder in seeders)
        {
            await Console.Error.WriteLineAsync($"seed-demo: {seeder.GetType().Name}...");
            await seeder.SeedAsync(size, report, CancellationToken.None);
        }
        foreach (var line in report.Lines) Console.WriteLine(line);
        return 0;
    }

    /// <summary>
    /// `jobs list`: every job the scheduler knows, its schedule and next fire. `jobs run NAME`: that job once, here, in
    /// the foreground, through the same code and audit actor as a scheduled fire; exit 1 when it failed. Neither starts
    /// the scheduler, so nothing else fires meanwhile.
    /// </summary>
    private static async Task<int> JobsAsync(IServiceProvider app, string[] args)
    {
        const string usage = "usage: jobs list | jobs run NAME";
        using var scope = app.CreateScope();
        await DatabaseProviders.MigrateAsync(scope.ServiceProvider.GetRequiredService<NeonProDbContext>());
        var jobs = scope.ServiceProvider.GetRequiredService<JobCatalog>();
        switch (args)
        {
            case ["list"]:
                foreach (var job in await jobs.ListAsync(CancellationToken.None))
                {
                    var schedule = job.Schedules.Count == 0 ? "on demand" : string.Join("; ", job.Schedules);
                    var next = job.NextRunUtc is { } at ? at.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : "none";
                    Console.WriteLine($"{job.Name}	{schedule}	next: {next}");
                }
                return 0;
            case ["run", var name]:
                var key = await jobs.FindAsync(name, CancellationToken.None)
                    ?? throw new CommandLineException($"jobs run: no job named '{name}' (see `jobs list`)");
                var run = await jobs.RunHereAsync(key, $"{Environment.MachineName} (linha de comando)", CancellationToken.None);
                if (run.Outcome == JobOutcome.Failed)
                {
                    await Console.Error.WriteLineAsync($"{run.Job} failed: {run.Error}");
                    return 1;
                }
                Console.WriteLine($"{run.Job}: {run.Summary}");
                return 0;
            default:
                throw new CommandLineException(usage);
        }
    }

    /// <summary>
    /// Walks the whole audit chain and compares it with the anchor log, as the Audit page's button does, for an operator's
    /// cron or monitoring: prints the rows checked, the verdict and the newest anchor; exit code 1 when the chain is broken.
    /// It only reads: no migration, nothing written.
    /// </summary>
    private static async Task<int> AuditVerifyAsync(IServiceProvider app, TextWriter output)
    {
        using var scope = VerbScope(app, "audit verify");
        await RequireCurrentDatabaseAsync(scope.ServiceProvider.GetRequiredService<NeonProDbContext>(), "audit verify");
        var clock = scope.ServiceProvider.GetRequiredService<Infrastructure.Time.ClinicClock>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(invariant, $"rows checked: {result.RowsChecked} in {seconds:F1} s ({(seconds > 0 ? result.RowsChecked / seconds : 0):F0} rows/s)"));
        await output.WriteLineAsync(result.Break is { } broken
            ? string.Create(invariant, $"verdict: broken at {broken.Sequence} ({broken.Reason})")
            : "verdict: intact");
        await output.WriteLineAsync(result.LastAnchor is { } anchor
            ? string.Create(invariant, $"last anchor checked: {clock.ToClinicTime(anchor.AtUtc):dd/MM/yyyy HH:mm} (clinic time), entry {anchor.Sequence}")
            : "last anchor checked: none (rows removed from the end would go unnoticed)");
        return result.Break is null ? 0 : 1;
    }

    /// <summary>
    /// A verb that only reads (audit verify) refuses, with a sentence an operator can act on, a data folder with no
    /// database in it (a wrong NeonPro:DataFolder; on SQLite opening would create an empty file) or a database an
    /// earlier version left and the app has not upgraded yet: reading it would fail on a missing table or column.
    /// Names the SQLite file, never a server connection string (it may hold a password).
    /// </summary>
    private static async Task RequireCurrentDatabaseAsync(NeonProDbContext db, string verb)
    {
        string? file = null;
        if (db.Database.IsSqlite())
        {
            file = Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
            if (!File.Exists(file))
                throw new CommandLineException($"{verb}: there is no NeonPro database at {file}: nothing to check. Is NeonPro:DataFolder the install's data folder?");
        }
        var where = file ?? "the configured database";
        if (!(await db.Database.GetAppliedMigrationsAsync()).Any())
            throw new CommandLineException($"{verb}: {where} holds no NeonPro tables: nothing to check. Is NeonPro:DataFolder the install's data folder?");
        var pending = (await db.Database.GetPendingMigrationsAsync()).Count();
        if (pending > 0)
            throw new CommandLineException($"{verb}: {where} is from an earlier version ({pending} upgrade steps pending): start NeonPro once to upgrade it, then run {verb} again.");
    }

    /// <summary>One backup now, into --out (default: Backup:Folder); no retention, the copies beyond it are the job's to delete.</summary>
    private static async Task<int> BackupAsync(IServiceProvider app, string verb, Dictionary<string, string> options)
    {
        using var scope = VerbScope(app, verb);
        var backup = scope.ServiceProvider.GetRequiredService<DatabaseBackup>();
        if (!backup.AppMakesBackups)
            throw new CommandLineException("backup: on PostgreSQL and SQL Server back up with the server's own tools (pg_dump, BACKUP DATABASE; see the README).");
        await DatabaseStartup.PrepareAsync(scope.ServiceProvider);
        var copy = await backup.BackupAsync(options.GetValueOrDefault("out") ?? backup.DefaultFolder, prune: false, CancellationToken.None);
        Console.WriteLine($"Backup written: {copy.DatabaseFile}");
        if (copy.KeyFile is not null) Console.WriteLine($"Audit hash key: {copy.KeyFile}");
        if (copy.AnchorFile is not null) Console.WriteLine($"Audit anchors: {copy.AnchorFile}");
        return 0;
    }

    /// <summary>Restores a copy made by backup (or the job) into the data folder; the app must be stopped.</summary>
    private static async Task<int> RestoreAsync(IServiceProvider app, string verb, Dictionary<string, string> options)
    {
        if (!options.TryGetValue("from", out var file)) throw new CommandLineException("usage: restore --from FILE");
        using var scope = VerbScope(app, verb);
        try
        {
            foreach (var line in await scope.ServiceProvider.GetRequiredService<DatabaseBackup>().RestoreAsync(file, CancellationToken.None))
                Console.WriteLine(line);
            return 0;
        }
        catch (RestoreRefusedException e)
        {
            await Console.Error.WriteLineAsync($"restore refused, nothing changed: {e.Message}");
            return 1;
        }
    }

    /// <summary>A scope whose audit rows say "Sistema: VERB": a verb has no signed-in user.</summary>
    private static IServiceScope VerbScope(IServiceProvider app, string verb)
    {
        var scope = app.CreateScope();
        scope.ServiceProvider.GetRequiredService<AuditActorAccessor>().ActAsSystem(verb);
        return scope;
    }

    /// <summary>The schema as SQL, from the migrations, for the configured provider (database/sqlite.sql is this output).</summary>
    private static int DbScript(IServiceProvider app)
    {
        using var scope = app.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NeonProDbContext>();
        Console.Write(GenerateSchemaScript(db));
        return 0;
    }

    public static string GenerateSchemaScript(NeonProDbContext db) =>
        db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.NoTransactions)
            .ReplaceLineEndings("\n");

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (IsConfigurationOverride(args[i])) continue;
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new CommandLineException($"unexpected argument '{args[i]}'");
            var name = args[i][2..];
            var eq = name.IndexOf('=');
            if (eq > 0) { result[name[..eq]] = name[(eq + 1)..]; continue; }
            if (i + 1 >= args.Length) throw new CommandLineException($"--{name} needs a value");
            result[name] = args[++i];
        }
        return result;
    }
}

public sealed class CommandLineException(string message) : Exception(message);

public enum DemoSize { Small, Large }

/// <summary>
/// One area's demo data. seed-demo runs every registered seeder in Order; each must be idempotent
/// (running seed-demo twice adds nothing the second time).
/// </summary>
public interface IDemoSeeder
{
    int Order { get; }
    Task SeedAsync(DemoSize size, DemoSeedReport report, CancellationToken ct);
}

/// <summary>What seed-demo prints at the end (counts, and the one-time passwords of demo staff).</summary>
public sealed class DemoSeedReport
{
    public List<string> Lines { get; } = [];
    public void Add(string line) => Lines.Add(line);
}
