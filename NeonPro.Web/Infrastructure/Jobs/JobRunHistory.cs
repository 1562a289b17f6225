using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using Quartz;

namespace NeonPro.Web.Infrastructure.Jobs;

/// <summary>Writes a run into the history and keeps the history bounded, in one transaction.</summary>
public sealed class JobRunHistory(NeonProDbContext db)
{
    /// <summary>How many runs per job the history keeps.</summary>
    public const int Kept = 50;

    public static string NameOf(JobKey key) => $"{key.Group}.{key.Name}";

    public async Task RecordAsync(JobRun run, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var oldestKept = await db.JobRuns.Where(r => r.Job == run.Job).OrderByDescending(r => r.StartedAtUtc)
            .Skip(Kept - 1).Select(r => (DateTime?)r.StartedAtUtc).FirstOrDefaultAsync(ct);
        if (oldestKept is { } cutoff)
            await db.JobRuns.Where(r => r.Job == run.Job && r.StartedAtUtc < cutoff).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The message a failure leaves in the history: the exception's own message, cut to the column.</summary>
    public static string ErrorOf(Exception e)
    {
        // Quartz wraps what the job threw; the job's own message says what went wrong.
        var inner = e is JobExecutionException { InnerException: { } cause } ? cause : e;
        var message = $"{inner.GetType().Name}: {inner.Message}";
        return message.Length > 1000 ? message[..1000] : message;
    }
}

/// <summary>Records every fire of every job, on whichever node runs it, into <see cref="JobRun"/>.</summary>
public sealed class JobRunRecorder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<JobRunRecorder> log) : IJobListener
{
    public string Name => "neonpro-job-runs";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        var started = context.FireTimeUtc.UtcDateTime;
        var run = new JobRun
        {
            Job = JobRunHistory.NameOf(context.JobDetail.Key),
            ScheduledAtUtc = context.ScheduledFireTimeUtc?.UtcDateTime ?? started,
            StartedAtUtc = started,
            FinishedAtUtc = clock.GetUtcNow().UtcDateTime,
            Node = context.Scheduler.SchedulerInstanceId,
            Outcome = jobException is null ? JobOutcome.Succeeded : JobOutcome.Failed,
            Summary = context.Result as string,
            Error = jobException is null ? null : JobRunHistory.ErrorOf(jobException),
        };
        if (jobException is not null) log.LogError(jobException, "Job {Job} failed on {Node}", run.Job, run.Node);
        using var scope = scopes.CreateScope();
        // Not the job's scope: the run may have failed halfway through a save, and its context is not to be reused.
        await scope.ServiceProvider.GetRequiredService<JobRunHistory>().RecordAsync(run, CancellationToken.None);
    }
}
