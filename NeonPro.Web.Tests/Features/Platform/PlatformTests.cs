using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Tests.Infrastructure;
using Quartz;

namespace NeonPro.Web.Tests.Features.Platform;

/// <summary>What every page and the host itself promise: health, headers, sign-in by default, jobs, demo data.</summary>
public sealed class PlatformTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    [Fact]
    public async Task Health_answers_200_without_sign_in_and_checks_the_database()
    {
        var response = await app.CreateBrowserClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        Assert.True(File.Exists(app.DatabasePath), "the SQLite file is created and migrated at start-up");
    }

    [Fact]
    public async Task Health_reports_the_version_of_the_running_build()
    {
        var response = await app.CreateBrowserClient().GetAsync("/health");

        using var health = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var version = typeof(Program).Assembly.GetName().Version!;
        Assert.StartsWith($"{version.Major}.{version.Minor}.{version.Build}", health.RootElement.GetProperty("version").GetString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Admin/Users")]
    [InlineData("/Compliance/Audit")]
    [InlineData("/Identity/Account/Manage")]
    public async Task Pages_redirect_anonymous_visitors_to_sign_in(string url)
    {
        var response = await app.CreateBrowserClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_htmx_call_with_an_expired_session_is_sent_to_sign_in_as_a_whole_page()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Compliance/Audit");
        request.Headers.Add("HX-Request", "true");
        var response = await app.CreateBrowserClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.GetValues("HX-Redirect").Single());
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var response = await app.CreateBrowserClient().GetAsync("/Identity/Account/Login");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline'; ", csp.Split("script-src")[1].Split(';')[0] + "; ");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_have_no_inline_script()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Admin);
        foreach (var url in new[] { "/", "/Identity/Account/Login" })
        {
            var doc = await client.GetDocumentAsync(url);
            foreach (var script in doc.QuerySelectorAll("script"))
                Assert.False(string.IsNullOrEmpty(script.GetAttribute("src")), $"{url} has an inline <script>");
            Assert.DoesNotContain(doc.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        }
    }

    [Fact]
    public async Task Home_page_greets_the_signed_in_user_in_portuguese()
    {
        var (client, user) = await app.SignedInClientAsync(Roles.Receptionist);
        var doc = await client.GetDocumentAsync("/");
        Assert.Equal("pt-BR", doc.DocumentElement.GetAttribute("lang"));
        Assert.Contains($"Olá, {user.FullName}", doc.Body!.TextContent);
        Assert.Contains(user.Email!, doc.Body.TextContent);
    }

    [Fact]
    public async Task English_is_selectable_per_user_and_follows_them_to_the_next_sign_in()
    {
        var (client, user) = await app.SignedInClientAsync(Roles.Receptionist);
        var switched = await client.PostFormAsync("/", "/account/culture", [new("culture", "en"), new("returnUrl", "/")]);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var home = await client.GetDocumentAsync("/");
        Assert.Equal("en", home.DocumentElement.GetAttribute("lang"));
        Assert.Contains($"Hello, {user.FullName}", home.Body!.TextContent);
        Assert.Contains("Schedule", home.QuerySelector("nav")!.TextContent);

        // A new browser (no culture cookie) gets the user's language back at sign-in.
        var fresh = app.CreateBrowserClient();
        await fresh.SignInAsync(user.Email!, NeonProFactory.TestPassword);
        Assert.Equal("en", (await fresh.GetDocumentAsync("/")).DocumentElement.GetAttribute("lang"));
        // The sign-in page itself stays in the clinic's language for someone not signed in.
        Assert.Equal("pt-BR", (await app.CreateBrowserClient().GetDocumentAsync("/Identity/Account/Login")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Seed_demo_is_idempotent_and_creates_no_known_password()
    {
        async Task<DemoSeedReport> Seed() => await app.WithScopeAsync(async sp =>
        {
            var report = new DemoSeedReport();
            foreach (var seeder in sp.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
                await seeder.SeedAsync(DemoSize.Small, report, CancellationToken.None);
            return report;
        });

        async Task<int[]> Counts() => await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NeonProDbContext>();
            return new[]
            {
                await db.Users.CountAsync(), await db.Patients.CountAsync(), await db.Professionals.CountAsync(),
                await db.Treatments.CountAsync(), await db.Rooms.CountAsync(), await db.Appointments.CountAsync(),
            };
        });

        var first = await Seed();
        var afterFirst = await Counts();
        var second = await Seed();
        var afterSecond = await Counts();

        Assert.Equal(afterFirst, afterSecond);
        Assert.All(afterFirst, n => Assert.True(n > 0, "every area seeds something"));
        Assert.DoesNotContain(second.Lines, l => l.Contains("password:"));
        var passwords = first.Lines.Where(l => l.Contains("password:")).Select(l => l.Split("password:")[1].Trim().Split(' ')[0]).ToList();
        Assert.Equal(3, passwords.Count);
        Assert.Equal(3, passwords.Distinct().Count());
        Assert.All(passwords, p => Assert.True(p.Length >= 16));
        var settings = await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().ClinicSettings.SingleAsync());
        Assert.True(NeonPro.Web.Domain.Cnpj.IsValid(settings.Cnpj));
    }

    [Fact]
    public async Task The_checkpoint_job_folds_the_write_ahead_log_into_the_database_file()
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(); // the app is up, its database made
        var walPath = app.DatabasePath + "-wal";
        // SQLite deletes the WAL when the last connection closes; hold one open so the file stays to be measured.
        await using var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await holder.OpenAsync();
        // About 2 MB of pages in the log: far more than anything written after the checkpoint (the job's own run
        // record, a heartbeat), which lands in the emptied log again and keeps it from staying at zero bytes.
        await using (var write = holder.CreateCommand())
        {
            write.CommandText = "CREATE TABLE wal_filler(b BLOB); INSERT INTO wal_filler SELECT randomblob(4000) FROM generate_series(1, 500);";
            try { await write.ExecuteNonQueryAsync(); }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // SQLite builds without generate_series: a recursive count does the same.
                write.CommandText = "CREATE TABLE IF NOT EXISTS wal_filler(b BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) INSERT INTO wal_filler SELECT randomblob(4000) FROM n;";
                await write.ExecuteNonQueryAsync();
            }
        }
        var before = new FileInfo(walPath).Length;
        Assert.True(before > 1_500_000, $"the WAL should hold the recent writes, has {before} bytes");

        await scheduler.TriggerJob(SqliteCheckpointJob.Key);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var job = NeonPro.Web.Infrastructure.Jobs.JobRunHistory.NameOf(SqliteCheckpointJob.Key);
        NeonPro.Web.Infrastructure.Jobs.JobRun? run = null;
        while (run is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            run = await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().JobRuns.AsNoTracking()
                .Where(r => r.Job == job).FirstOrDefaultAsync());
        }
        Assert.NotNull(run);
        Assert.Equal(NeonPro.Web.Infrastructure.Jobs.JobOutcome.Succeeded, run.Outcome);
        var after = new FileInfo(walPath).Length;
        Assert.True(after < 300_000, $"the checkpoint should have emptied the WAL ({before} bytes before); it has {after} bytes");
    }
}
