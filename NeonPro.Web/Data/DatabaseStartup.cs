namespace NeonPro.Web.Data;

/// <summary>What happens to the database before the app serves or a verb writes: migrations, then the audit key check.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareAsync(IServiceProvider scoped, CancellationToken ct = default)
    {
        var db = scoped.GetRequiredService<NeonProDbContext>();
        var logger = scoped.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup).FullName!);
        await DatabaseProviders.MigrateAsync(db, ct);
        await AuditKeyCheck.EnsureAsync(db, scoped.GetRequiredService<AuditHasher>(), scoped.GetRequiredService<IConfiguration>(),
            scoped.GetRequiredService<DatabaseOptions>().DataFolder, logger, ct);
    }
}
