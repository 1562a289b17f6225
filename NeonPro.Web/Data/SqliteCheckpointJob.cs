using Microsoft.EntityFrameworkCore;
using Quartz;

namespace NeonPro.Web.Data;

/// <summary>
/// Folds SQLite's write-ahead log back into the database file. Under constant readers the automatic
/// checkpoint can starve and the -wal file keeps growing (ENVIRONMENT.md), so a job asks for it explicitly.
/// Idempotent: a checkpoint with nothing to do does nothing.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SqliteCheckpointJob(NeonProDbContext db, AuditActorAccessor actors, ILogger<SqliteCheckpointJob> log) : IJob
{
    public static readonly JobKey Key = new("sqlite-checkpoint", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Quartz gives each run its own scope: whatever this run writes is the job's, not whoever else is writing now.
        actors.ActAsSystem("checkpoint");
        switch (DatabaseProviders.ProviderOf(db))
        {
            case DatabaseProvider.Sqlite:
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
                log.LogDebug("SQLite WAL checkpoint done");
                break;
            case DatabaseProvider.Postgres:
            case DatabaseProvider.SqlServer:
                // A server checkpoints its own log.
                break;
            default:
                throw DatabaseProviders.Unknown(DatabaseProviders.ProviderOf(db));
        }
    }
}
