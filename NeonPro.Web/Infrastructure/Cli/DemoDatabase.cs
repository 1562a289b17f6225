using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;

namespace NeonPro.Web.Infrastructure.Cli;

/// <summary>
/// A DbContext for bulk demo data only. Demo rows are not anybody's activity at the clinic, and auditing a
/// million generated appointments would only bury the real trail, so this context has no audit interceptor
/// and no change detection. Never use it for anything a person does.
/// </summary>
public static class DemoDatabase
{
    public static NeonProDbContext CreateUnaudited(IServiceProvider services)
    {
        var builder = new DbContextOptionsBuilder<NeonProDbContext>();
        DatabaseProviders.Configure(builder, services.GetRequiredService<DatabaseOptions>());
        var db = new NeonProDbContext(builder.Options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return db;
    }
}
