using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using Quartz;

namespace NeonPro.Web.Infrastructure.Jobs;

/// <summary>A trigger's schedule: a cron expression in its time zone, or a fixed interval.</summary>
public sealed record JobSchedule(string? Cron, string? TimeZone, TimeSpan? Interval)
{
    public override string ToString() =>
        Cron is not null ? $"cron \"{Cron}\" ({TimeZone})" : Interval is { } every ? $"every {every.TotalSeconds:0.#} s" : "on demand";
}

/// <summary>One job as the Jobs page and `jobs list` show it.</summary>
public sealed record JobInfo(string Name, string? Description, IReadOnlyList<JobSchedule> Schedules, DateTimeOffset? NextRunUtc, JobRun? LastRun);

/// <summary>
/// The jobs the scheduler knows (every area's, as stored in the job store), their last runs from the history, and the
/// two ways to run one outside its schedule: fire it now through the scheduler (the Jobs page) or run it here in the
/// foreground (`jobs run`).
/// </summary>
public sealed class JobCatalog(ISchedulerFactory schedulers, NeonProDbContext db, IServiceScopeFactory scopes, TimeProvider clock, ILogger<JobCatalog> log)
{
    public async Task<IReadOnlyList<JobInfo>> ListAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        // The newest run of every job in one query (through the (Job, StartedAtUtc) index), not one query per job.
        var lastRuns = (await db.JobRuns.AsNoTracking()
                .Where(r => r.StartedAtUtc == db.JobRuns.Where(o => o.Job == r.Job).Max(o => o.StartedAtUtc))
                .ToListAsync(ct))
            .GroupBy(r => r.Job).ToDictionary(g => g.Key, g => g.First());
        var jobs = new List<JobInfo>();
        foreach (var key in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), ct)).OrderBy(k => k.Group).ThenBy(k => k.Name))
        {
            var detail = await scheduler.GetJobDetail(key, ct);
            var triggers = await scheduler.GetTriggersOfJob(key, ct);
            var schedules = triggers.Select(t => t switch
            {
                ICronTrigger cron => new JobSchedule(cron.CronExpressionString, cron.TimeZone.Id, null),
                ISimpleTrigger simple when simple.RepeatCount != 0 => new JobSchedule(null, null, simple.RepeatInterval),
                _ => null,
            }).OfType<JobSchedule>().ToList();
            var next = triggers.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();
            var name = JobRunHistory.NameOf(key);
            jobs.Add(new JobInfo(name, detail?.Description, schedules, next, lastRuns.GetValueOrDefault(name)));
        }
        return jobs;
    }

    /// <summary>The job a name means: "group.name" as listed, or the bare name when only one job has it.</summary>
    public async Task<JobKey?> FindAsync(string name, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), ct);
        var exact = keys.FirstOrDefault(k => JobRunHistory.NameOf(k) == name);
        if (exact is not null) return exact;
        var byName = keys.Where(k => k.Name == name).ToList();
        return byName.Count == 1 ? byName[0] : null;
    }

    /// <summary>Fires the job once now through the scheduler: it runs on whichever node takes it, and the history records it.</summary>
    public async Task FireNowAsync(JobKey key, CancellationToken ct) =>
        await (await schedulers.GetScheduler(ct)).TriggerJob(key, ct);

    /// <summary>
    /// Runs the job here, once, through the same code as a scheduled fire (its own scope, its own audit actor), without
    /// the scheduler firing anything; records the run in the history and returns it.
    /// </summary>
    public async Task<JobRun> RunHereAsync(JobKey key, string node, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var detail = await scheduler.GetJobDetail(key, ct) ?? throw new InvalidOperationException($"No job {JobRunHistory.NameOf(key)}.");
        var started = clock.GetUtcNow().UtcDateTime;
        var run = new JobRun { Job = JobRunHistory.NameOf(key), ScheduledAtUtc = started, StartedAtUtc = started, Node = node };
        using (var scope = scopes.CreateScope())
        {
            var job = (ClinicJob)ActivatorUtilities.CreateInstance(scope.ServiceProvider, detail.JobType.Type);
            try
            {
                run.Summary = await job.RunAsync(new JobRunContext(started, node), ct);
                run.Outcome = JobOutcome.Succeeded;
            }
            // Not swallowed: the failure is the run's outcome, written to the history and reported by the caller, as
            // Quartz does for a scheduled fire.
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Job {Job} failed", run.Job);
                run.Outcome = JobOutcome.Failed;
                run.Error = JobRunHistory.ErrorOf(e);
            }
        }
        run.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
        using (var scope = scopes.CreateScope())
            await scope.ServiceProvider.GetRequiredService<JobRunHistory>().RecordAsync(run, CancellationToken.None);
        return run;
    }
}
