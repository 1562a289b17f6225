using Microsoft.EntityFrameworkCore;

namespace NeonPro.Web.Data;

/// <summary>What happens to the database before the app serves or a verb writes: migrations, then the audit key check.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareAsync(IServiceProvider scoped, CancellationToken ct = default)
    {
        var db = scoped.GetRequiredService<NeonProDbContext>();
        var logger = scoped.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup).FullName!);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0) logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, pending);
        await DatabaseProviders.MigrateAsync(db, ct);
        // What the database is at, for whoever reads the log after an upgrade (or before asking for help).
        logger.LogInformation("Database migrations applied: {Migrations}", await db.Database.GetAppliedMigrationsAsync(ct));
        await AuditKeyCheck.EnsureAsync(db, scoped.GetRequiredService<AuditHasher>(), scoped.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuditOptions>>().Value,
            scoped.GetRequiredService<DatabaseOptions>().DataFolder, logger, ct);
    }
}
