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
    public async Task The_checkpoint_job_empties_the_write_ahead_log()
    {
        var walPath = app.DatabasePath + "-wal";
        // SQLite deletes the WAL when the last connection closes; hold one open so the file stays to be measured.
        await using var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await holder.OpenAsync();
        // Opening is lazy: only a statement attaches the connection to the WAL.
        await using (var read = holder.CreateCommand()) { read.CommandText = "SELECT count(*) FROM sqlite_master"; await read.ExecuteScalarAsync(); }
        await app.CreateStaffAsync(Roles.Receptionist); // some writes, so the WAL has pages
        await app.CreateStaffAsync(Roles.Receptionist);
        Assert.True(File.Exists(walPath) && new FileInfo(walPath).Length > 0, "the WAL should hold the recent writes");

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(SqliteCheckpointJob.Key);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (new FileInfo(walPath).Length > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(0, new FileInfo(walPath).Length);
    }
}
