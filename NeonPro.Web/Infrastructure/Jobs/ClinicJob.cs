using Quartz;

namespace NeonPro.Web.Infrastructure.Jobs;

/// <summary>
/// A NeonPro job. Quartz fires it on its schedule, the Jobs page's "Executar agora" fires it once, and `jobs run NAME`
/// runs it in the foreground: all three go through <see cref="RunAsync"/>, so the work and its audit actor (the job
/// calls ActAsSystem itself) are the same. Every job must be idempotent: a recovered fire, a misfire caught up after
/// a restart or an extra manual run may repeat work that already happened.
/// </summary>
public abstract class ClinicJob : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var run = new JobRunContext(context.ScheduledFireTimeUtc?.UtcDateTime ?? context.FireTimeUtc.UtcDateTime, context.Scheduler.SchedulerInstanceId);
        // The listener writes this line into the run history.
        context.Result = await RunAsync(run, cancellationToken);
    }

    /// <summary>Does the job's work once; returns what it did in one line (the history and `jobs run` show it).</summary>
    public abstract Task<string> RunAsync(JobRunContext run, CancellationToken cancellationToken);
}

/// <summary>The fire a run belongs to: the time it was due (UTC) and the node running it.</summary>
public sealed record JobRunContext(DateTime ScheduledAtUtc, string Node);
