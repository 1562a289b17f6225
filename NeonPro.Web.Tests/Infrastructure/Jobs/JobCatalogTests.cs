using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Infrastructure.Jobs;

namespace NeonPro.Web.Tests.Infrastructure.Jobs;

/// <summary>Counts the queries that read the job history (JobRuns), from every context of the app.</summary>
public sealed class JobRunQueries : DbCommandInterceptor
{
    private int _count;
    public int Count => Volatile.Read(ref _count);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && command.CommandText.Contains("\"JobRuns\""))
            Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}

public sealed class JobRunCountingFactory : NeonProFactory
{
    public JobRunQueries Queries { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.ConfigureDbContext<NeonProDbContext>((_, o) => o.AddInterceptors(Queries)));
    }
}

/// <summary>The job list (the Jobs page, the home page's failed jobs) reads the history once, not once per job.</summary>
public sealed class JobCatalogTests(JobRunCountingFactory app) : IClassFixture<JobRunCountingFactory>
{
    [Fact]
    public async Task The_last_run_of_every_job_comes_from_one_query_and_is_the_newest_of_each()
    {
        var names = await app.WithScopeAsync(async sp => (await sp.GetRequiredService<JobCatalog>().ListAsync(CancellationToken.None)).Select(j => j.Name).ToList());
        Assert.True(names.Count >= 3, $"expected every area's jobs, found {names.Count}");
        var start = new DateTime(2026, 11, 2, 5, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < names.Count; i++)
        {
            foreach (var (minutes, outcome) in new[] { (0, JobOutcome.Succeeded), (10 + i, JobOutcome.Failed), (5, JobOutcome.Succeeded) })
            {
                var at = start.AddMinutes(minutes);
                var run = new JobRun { Job = names[i], ScheduledAtUtc = at, StartedAtUtc = at, FinishedAtUtc = at.AddSeconds(1), Node = "test", Outcome = outcome };
                await app.WithScopeAsync(sp => sp.GetRequiredService<JobRunHistory>().RecordAsync(run, CancellationToken.None));
            }
        }

        var before = app.Queries.Count;
        var jobs = await app.WithScopeAsync(sp => sp.GetRequiredService<JobCatalog>().ListAsync(CancellationToken.None));
        Assert.Equal(1, app.Queries.Count - before);
        Assert.All(jobs, j =>
        {
            Assert.NotNull(j.LastRun);
            Assert.Equal(JobOutcome.Failed, j.LastRun.Outcome);
            Assert.Equal(start.AddMinutes(10 + names.IndexOf(j.Name)), j.LastRun.StartedAtUtc);
        });
    }
}
