using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Infrastructure.Jobs;
using Quartz;

namespace NeonPro.Web.Tests.Infrastructure.Jobs;

/// <summary>The Jobs page: every area's jobs with schedule, next run and last outcome, and "Executar agora", for admins only.</summary>
public sealed class JobsPageTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    [Fact]
    public async Task Every_registered_job_runs_through_ClinicJob_so_jobs_run_and_the_history_work_for_it()
    {
        var scheduler = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        var keys = await scheduler.GetJobKeys(Quartz.GroupMatcher<Quartz.JobKey>.AnyGroup());
        Assert.True(keys.Count >= 4, $"expected every area's jobs, found {keys.Count}");
        foreach (var key in keys)
        {
            var type = (await scheduler.GetJobDetail(key))!.JobType.Type;
            Assert.True(typeof(NeonPro.Web.Infrastructure.Jobs.ClinicJob).IsAssignableFrom(type), $"{key} ({type.Name}) is not a ClinicJob");
        }
    }

    [Fact]
    public async Task Lists_the_jobs_every_area_registered_with_schedule_and_next_run()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Admin);
        var doc = await admin.GetDocumentAsync("/Admin/Jobs");

        var anchor = doc.QuerySelector("tr[data-job='compliance.audit-anchor']");
        Assert.NotNull(anchor); // registered by the Compliance area
        Assert.Contains("0 0 2 * * ?", anchor.TextContent);
        Assert.Contains("America/Sao_Paulo", anchor.TextContent);
        Assert.DoesNotContain("nenhuma", anchor.Children[4].TextContent); // a next run, in clinic time
        Assert.NotNull(doc.QuerySelector("tr[data-job='maintenance.sqlite-checkpoint']")); // registered by the data layer
        Assert.Contains("900", doc.QuerySelector("tr[data-job='maintenance.sqlite-checkpoint']")!.TextContent); // every 900 s
        Assert.NotNull(doc.QuerySelector("tr[data-job='maintenance.cluster-check-in']")); // the jobs hosting's own
    }

    [Fact]
    public async Task Run_now_fires_the_job_through_the_scheduler_and_the_page_shows_its_outcome()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Admin);
        var response = await admin.PostFormAsync("/Admin/Jobs", "/Admin/Jobs?handler=Run", [new("job", "compliance.audit-anchor")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var run = await WaitForRunAsync(app, "compliance.audit-anchor");
        Assert.Equal(JobOutcome.Succeeded, run.Outcome);
        var row = (await admin.GetDocumentAsync("/Admin/Jobs")).QuerySelector("tr[data-job='compliance.audit-anchor']")!;
        Assert.Contains("Sucesso", row.TextContent);
        Assert.Contains(run.Summary!, row.TextContent);
        Assert.Contains(run.Node, row.TextContent);
    }

    [Fact]
    public async Task Is_for_admins_only_and_a_manager_cannot_run_a_job()
    {
        foreach (var role in new[] { Roles.Manager, Roles.Professional, Roles.Receptionist })
        {
            var (other, _) = await app.SignedInClientAsync(role);
            var refused = await other.GetAsync("/Admin/Jobs");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/Identity/Account/AccessDenied", NeonPro.Web.Tests.Features.Admin.LocationExtensions.PathAndQuery(refused.Headers.Location!));
        }
        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);

        // A manager's own antiforgery token, from a page they may see, on a post to the Jobs page.
        var before = await RunCountAsync(app, "maintenance.sqlite-checkpoint");
        var post = await manager.PostFormAsync("/Scheduling", "/Admin/Jobs?handler=Run", [new("job", "maintenance.sqlite-checkpoint")]);
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect && post.Headers.Location?.ToString().Contains("AccessDenied") != false,
            $"answered {(int)post.StatusCode} {post.Headers.Location}");
        await Task.Delay(1500);
        Assert.Equal(before, await RunCountAsync(app, "maintenance.sqlite-checkpoint"));
    }

    [Fact]
    public async Task The_history_keeps_the_newest_runs_per_job_and_none_reaches_the_audit_trail()
    {
        var job = $"test.{Guid.NewGuid():N}";
        var start = DateTime.UtcNow.AddDays(-1);
        for (var i = 0; i < JobRunHistory.Kept + 5; i++)
        {
            var at = start.AddMinutes(i);
            await app.WithScopeAsync(sp => sp.GetRequiredService<JobRunHistory>().RecordAsync(
                new JobRun { Job = job, ScheduledAtUtc = at, StartedAtUtc = at, FinishedAtUtc = at, Node = "n1", Outcome = JobOutcome.Succeeded }, default));
        }

        await using var db = app.NewDbContext();
        var kept = await db.JobRuns.Where(r => r.Job == job).Select(r => r.StartedAtUtc).ToListAsync();
        Assert.Equal(JobRunHistory.Kept, kept.Count);
        Assert.Equal(start.AddMinutes(5), kept.Min()); // the five oldest went
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(JobRun)));
    }

    public static async Task<JobRun> WaitForRunAsync(NeonProFactory app, string job, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            await using (var db = app.NewDbContext())
            {
                var run = await db.JobRuns.AsNoTracking().Where(r => r.Job == job).OrderByDescending(r => r.StartedAtUtc).FirstOrDefaultAsync();
                if (run is not null) return run;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{job} did not run");
            await Task.Delay(200);
        }
    }

    private static async Task<int> RunCountAsync(NeonProFactory app, string job)
    {
        await using var db = app.NewDbContext();
        return await db.JobRuns.CountAsync(r => r.Job == job);
    }
}

/// <summary>`jobs list` and `jobs run NAME`, in-process on the app's own services.</summary>
public sealed class JobsCommandLineTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    [Fact]
    public async Task Jobs_list_prints_each_job_with_its_schedule_and_next_fire()
    {
        var (exit, output) = await RunAsync("jobs", "list");

        Assert.Equal(0, exit);
        var anchor = output.Split('\n').Single(l => l.StartsWith("compliance.audit-anchor\t", StringComparison.Ordinal));
        Assert.Contains("cron \"0 0 2 * * ?\" (America/Sao_Paulo)", anchor);
        Assert.Matches(@"next: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", anchor);
        Assert.Contains(output.Split('\n'), l => l.StartsWith("maintenance.sqlite-checkpoint\tevery 900 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Jobs_run_runs_the_job_once_here_prints_what_it_did_and_records_it()
    {
        await app.CreateStaffAsync(Roles.Receptionist); // something in the audit chain to anchor

        var (exit, output) = await RunAsync("jobs", "run", "compliance.audit-anchor");

        Assert.Equal(0, exit);
        Assert.Contains("compliance.audit-anchor: âncora gravada: sequência", output);
        await using var db = app.NewDbContext();
        var run = await db.JobRuns.AsNoTracking().Where(r => r.Job == "compliance.audit-anchor").OrderByDescending(r => r.StartedAtUtc).FirstAsync();
        Assert.Equal(JobOutcome.Succeeded, run.Outcome);
        Assert.EndsWith("(linha de comando)", run.Node);
        var head = await db.AuditEntries.MaxAsync(a => a.Sequence);
        Assert.Equal(head, app.Services.GetRequiredService<AuditAnchorLog>().Read().Anchors.Last().Sequence);
    }

    [Fact]
    public async Task Jobs_run_exits_non_zero_when_the_job_fails_and_the_history_keeps_the_error()
    {
        await app.CreateStaffAsync(Roles.Receptionist);
        // The anchor log cannot be written: its path is taken by a folder.
        var log = app.Services.GetRequiredService<AuditAnchorLog>().FilePath;
        var existing = File.Exists(log) ? File.ReadAllText(log) : null;
        if (existing is not null) File.Delete(log);
        Directory.CreateDirectory(log);
        try
        {
            var (exit, _) = await RunAsync("jobs", "run", "audit-anchor");

            Assert.Equal(1, exit);
            await using var db = app.NewDbContext();
            var run = await db.JobRuns.AsNoTracking().Where(r => r.Job == "compliance.audit-anchor").OrderByDescending(r => r.StartedAtUtc).FirstAsync();
            Assert.Equal(JobOutcome.Failed, run.Outcome);
            Assert.False(string.IsNullOrWhiteSpace(run.Error));
        }
        finally
        {
            Directory.Delete(log);
            if (existing is not null) File.WriteAllText(log, existing);
        }
    }

    [Fact]
    public async Task Jobs_run_of_an_unknown_job_exits_non_zero()
    {
        var (exit, _) = await RunAsync("jobs", "run", "no-such-job");
        Assert.NotEqual(0, exit);
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        // Console is the process's: other classes may print meanwhile, so assertions look for lines, never at the whole.
        var original = Console.Out;
        var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var exit = await CommandLine.RunAsync(app.Services, args);
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }
}

/// <summary>The schedule lives in the database: what was due while the server was off is still due when it is back.</summary>
public sealed class JobsRestartTests
{
    [Fact]
    public async Task A_daily_anchor_missed_while_the_server_was_off_runs_once_when_it_is_back()
    {
        var folder = Path.Combine(Path.GetTempPath(), "neonpro-tests", Guid.NewGuid().ToString("N"));
        var trigger = new Quartz.TriggerKey("audit-anchor-daily", "compliance");
        using (var before = new NeonProFactory(folder) { KeepDataFolder = true })
        {
            await before.CreateStaffAsync(Roles.Receptionist); // something in the audit chain to anchor
            var scheduler = await before.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (await scheduler.GetTrigger(trigger) is null)
            {
                Assert.True(DateTime.UtcNow < deadline, "the anchor's trigger was never stored");
                await Task.Delay(200);
            }
        }

        // The server stays off over 02:00: in the stored schedule, the anchor last ran three days ago, was due again two
        // days ago, and that fire never happened. (Only time passing is simulated here; Quartz wrote the row.)
        var now = DateTimeOffset.UtcNow;
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "neonpro.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'audit-anchor-daily'";
            var stored = Convert.ToInt64(await read.ExecuteScalarAsync());
            // Quartz stores instants as UTC ticks; a value near now in milliseconds would be far smaller.
            Assert.InRange(stored, now.UtcTicks, now.AddDays(2).UtcTicks);
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE QRTZ_TRIGGERS SET START_TIME = $start, PREV_FIRE_TIME = $prev, NEXT_FIRE_TIME = $next WHERE TRIGGER_NAME = 'audit-anchor-daily'";
            update.Parameters.AddWithValue("$start", new DateTimeOffset(stored, TimeSpan.Zero).AddDays(-5).UtcTicks);
            update.Parameters.AddWithValue("$prev", new DateTimeOffset(stored, TimeSpan.Zero).AddDays(-4).UtcTicks);
            update.Parameters.AddWithValue("$next", new DateTimeOffset(stored, TimeSpan.Zero).AddDays(-3).UtcTicks);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        using var after = new NeonProFactory(folder);
        var run = await JobsPageTests.WaitForRunAsync(after, "compliance.audit-anchor", TimeSpan.FromSeconds(30));
        Assert.Equal(JobOutcome.Succeeded, run.Outcome);
        await Task.Delay(3000); // once, not once per missed day
        await using var db = after.NewDbContext();
        Assert.Equal(1, await db.JobRuns.CountAsync(r => r.Job == "compliance.audit-anchor"));
        var next = (await (await after.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler()).GetTrigger(trigger))!.NextFireTimeUtc;
        Assert.True(next > DateTimeOffset.UtcNow, $"next fire {next}"); // and back on its daily schedule
    }
}
