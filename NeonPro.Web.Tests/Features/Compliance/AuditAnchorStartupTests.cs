using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Data;
using NeonPro.Web.Features.Compliance.Audit;
using NeonPro.Web.Infrastructure;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Compliance;

/// <summary>
/// A fresh or long-stopped install is anchored when it starts, not at the next 02:00; and the verdict says which
/// anchor it checked the chain against, in the clinic's time.
/// </summary>
public sealed class AuditAnchorStartupTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private string AnchorFile => Path.Combine(app.DataFolder, AuditAnchorLog.FileName);
    private static readonly TimeZoneInfo Clinic = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    private async Task<AuditEntry> HeadAsync()
    {
        await using var db = app.NewDbContext();
        return await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence).FirstAsync();
    }

    private async Task AddRowsAsync(int count)
    {
        await using var db = app.NewDbContext();
        for (var i = 0; i < count; i++) db.ClinicClosedDays.Add(new ClinicClosedDay { Date = new DateOnly(2034, 3, 1).AddDays(Random.Shared.Next(3000)), Name = $"Feriado {i}" });
        await db.SaveChangesAsync();
    }

    private Task RestartAnchoringAsync() => app.WithScopeAsync(sp => ActivatorUtilities.CreateInstance<AuditAnchorStartup>(sp).StartedAsync(CancellationToken.None));

    [Fact]
    public async Task A_fresh_install_anchors_its_chain_at_start_up_and_the_verdict_names_that_anchor_in_clinic_time()
    {
        // Starting wrote the first rows (the consent terms); the file holds exactly the head as it stood then.
        _ = app.Services;
        var lines = await File.ReadAllLinesAsync(AnchorFile);
        var startHead = await HeadAsync();
        Assert.True(AuditAnchor.TryParse(Assert.Single(lines), out var anchor));
        Assert.Equal((startHead.Sequence, startHead.Hash), (anchor.Sequence, anchor.Hash));
        Assert.True(DateTime.UtcNow - anchor.AtUtc < TimeSpan.FromMinutes(5));

        var (manager, _) = await app.SignedInClientAsync(Roles.Manager);
        var local = TimeZoneInfo.ConvertTimeFromUtc(anchor.AtUtc, Clinic).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        Assert.Equal($"Última âncora conferida: {local} (registro nº {anchor.Sequence}).", await AuditTamperingTests.VerifiedAnchorThroughThePageAsync(manager));
        var api = await AuditTamperingTests.VerifyThroughTheApiAsync(manager);
        Assert.Equal(anchor.Sequence, api.GetProperty("lastAnchorSequence").GetInt64());
        Assert.Equal(anchor.AtUtc, api.GetProperty("lastAnchorAtUtc").GetDateTime().ToUniversalTime());

        // A newest anchor over a day old (an install stopped for days) is renewed at start; a recent one is left to the job.
        await AddRowsAsync(3);
        var older = await HeadAsync();
        await File.WriteAllTextAsync(AnchorFile, new AuditAnchor(older.Sequence, older.Hash, DateTime.UtcNow.AddDays(-2).AddMinutes(-1)).ToLine() + "\n");
        await AddRowsAsync(2);
        await RestartAnchoringAsync();
        var head = await HeadAsync();
        lines = await File.ReadAllLinesAsync(AnchorFile);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{head.Sequence}\t{head.Hash}\t", lines[1]);

        await AddRowsAsync(1);
        await RestartAnchoringAsync();
        Assert.Equal(2, (await File.ReadAllLinesAsync(AnchorFile)).Length);

        // No anchor at all: the verdict says so.
        File.Delete(AnchorFile);
        Assert.Equal("Nenhuma âncora registrada ainda: registros removidos do fim não seriam percebidos.",
            await AuditTamperingTests.VerifiedAnchorThroughThePageAsync(manager));
    }
}

/// <summary>`audit verify` for operators: rows checked, verdict, newest anchor; exit code 1 once the chain is broken. Its own database: it breaks it.</summary>
public sealed class AuditVerifyVerbTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private async Task<(int Exit, string[] Lines)> RunAsync()
    {
        var output = new StringWriter();
        var exit = await CommandLine.RunAsync(app.Services, ["audit", "verify"], output);
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Audit_verify_prints_the_rows_checked_and_the_verdict_and_exits_1_when_a_row_was_changed()
    {
        await app.CreateStaffAsync(Roles.Receptionist);
        long count;
        await using (var db = app.NewDbContext()) count = await db.AuditEntries.LongCountAsync();

        var (exit, lines) = await RunAsync();
        Assert.Equal(0, exit);
        Assert.StartsWith($"rows checked: {count} in ", lines[0]);
        Assert.Equal("verdict: intact", lines[1]);
        Assert.Matches(@"^last anchor checked: \d\d/\d\d/\d{4} \d\d:\d\d \(clinic time\), entry \d+$", lines[2]);

        Assert.Equal(1, await AuditTamperingTests.ExecuteRawAsync(app, "UPDATE AuditEntries SET UserName = 'outra pessoa' WHERE Sequence = $sequence", 2));
        (exit, lines) = await RunAsync();
        Assert.Equal(1, exit);
        Assert.Equal("verdict: broken at 2 (ContentChanged)", lines[1]);
        Assert.Equal(2, await CommandLine.RunAsync(app.Services, ["audit", "check"], new StringWriter()));
    }

    [Fact]
    public async Task Audit_verify_without_a_database_or_on_one_not_yet_upgraded_says_so_and_exits_2()
    {
        var folder = NeonProFactory.NewDataFolder();
        Directory.CreateDirectory(folder);
        List<string> folders = [folder];
        try
        {
            // As `dotnet NeonPro.Web.dll audit verify` builds the app (Program.cs), pointed at an empty data folder.
            var (exit, output, error) = await RunOnAsync(folder);
            Assert.Equal(2, exit);
            Assert.Equal("", output);
            Assert.Equal($"audit verify: there is no NeonPro database at {Path.Combine(folder, "neonpro.db")}: nothing to check. Is NeonPro:DataFolder the install's data folder?", error.Trim());
            Assert.False(File.Exists(Path.Combine(folder, "neonpro.db")), "checking must not leave an empty database behind");

            // An empty file where the database should be (a failed copy): no tables, said as much.
            await File.WriteAllBytesAsync(Path.Combine(folder, "neonpro.db"), []);
            (exit, output, error) = await RunOnAsync(folder);
            Assert.Equal(2, exit);
            Assert.Equal("", output);
            Assert.Contains("holds no NeonPro tables: nothing to check.", error);

            // A database an earlier release left, not yet upgraded: verify would read columns it does not have. (Another
            // folder: the app's pool still holds a connection to the empty file.)
            folder = NeonProFactory.NewDataFolder();
            Directory.CreateDirectory(folder);
            folders.Add(folder);
            var fixture = Path.Combine(RepositoryPaths.Root, "NeonPro.Web.Tests", "Fixtures", "release-188cf25-small.db.gz");
            await using (var gz = new System.IO.Compression.GZipStream(File.OpenRead(fixture), System.IO.Compression.CompressionMode.Decompress))
            await using (var db = File.Create(Path.Combine(folder, "neonpro.db")))
                await gz.CopyToAsync(db);
            (exit, output, error) = await RunOnAsync(folder);
            Assert.Equal(2, exit);
            Assert.Equal("", output);
            Assert.Matches(@"is from an earlier version \(\d+ upgrade steps pending\): start NeonPro once to upgrade it, then run audit verify again\.", error);
        }
        finally
        {
            // Never ClearAllPools (other classes' connections); on Linux a file still open is deleted all the same.
            foreach (var f in folders)
                try { Directory.Delete(f, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunOnAsync(string dataFolder)
    {
        string[] args = ["audit", "verify", $"--NeonPro:DataFolder={dataFolder}", "--Logging:LogLevel:Default=Warning"];
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(NeonProApp.HostOptions(args));
        builder.AddNeonPro();
        await using var verbApp = builder.Build();
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await CommandLine.RunAsync(verbApp.Services, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
