using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Infrastructure.Jobs;
using Quartz;

namespace NeonPro.Web.Data;

/// <summary>
/// Folds SQLite's write-ahead log back into the database file. Under constant readers the automatic
/// checkpoint can starve and the -wal file keeps growing (ENVIRONMENT.md), so a job asks for it explicitly.
/// Idempotent: a checkpoint with nothing to do does nothing.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SqliteCheckpointJob(NeonProDbContext db, AuditActorAccessor actors, ILogger<SqliteCheckpointJob> log) : ClinicJob
{
    public static readonly JobKey Key = new("sqlite-checkpoint", "maintenance");

    public override async Task<string> RunAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        // Quartz gives each run its own scope: whatever this run writes is the job's, not whoever else is writing now.
        actors.ActAsSystem("checkpoint");
        switch (DatabaseProviders.ProviderOf(db))
        {
            case DatabaseProvider.Sqlite:
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
                log.LogDebug("SQLite WAL checkpoint done");
                return "WAL do SQLite incorporado ao arquivo";
            case DatabaseProvider.Postgres:
            case DatabaseProvider.SqlServer:
                // A server checkpoints its own log.
                return "nada a fazer: o servidor de banco cuida do próprio log";
            default:
                throw DatabaseProviders.Unknown(DatabaseProviders.ProviderOf(db));
        }
    }

    /// <summary>The data layer's own job, registered beside it; the first run waits a full interval, so a short-lived
    /// app (a test, a command) never runs it.</summary>
    public static void Register(IServiceCollection services) => services.AddQuartz(q =>
    {
        q.AddJob<SqliteCheckpointJob>(j => j.WithIdentity(Key).WithDescription("Checkpoint do WAL do SQLite"));
        q.AddTrigger(t => t.ForJob(Key)
            .WithIdentity("sqlite-checkpoint-every-15-minutes", "maintenance")
            .StartAt(DateTimeOffset.UtcNow.AddMinutes(15))
            // Missed checkpoints are not made up: the next one folds in everything.
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(15)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    });
}
