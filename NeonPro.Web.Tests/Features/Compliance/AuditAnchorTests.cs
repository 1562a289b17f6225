using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Data;
using NeonPro.Web.Features.Compliance.Audit;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Compliance;

/// <summary>
/// Rows cut off the end of the chain leave a shorter chain that still checks row by row; the daily anchor is what
/// shows them. Its own class, so its own database: the chain stays cut afterwards.
/// </summary>
public sealed class AuditAnchorTruncationTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    [Fact]
    public async Task Rows_deleted_from_the_end_after_an_anchor_are_reported_as_missing_at_the_end()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        await using (var db = app.NewDbContext())
        {
            for (var i = 0; i < 6; i++) db.ClinicClosedDays.Add(new ClinicClosedDay { Date = new DateOnly(2033, 5, 1 + i), Name = $"Dia {i}" });
            await db.SaveChangesAsync();
        }
        var anchor = await app.WithScopeAsync(sp => ActivatorUtilities.CreateInstance<AuditAnchorJob>(sp).AnchorAsync());
        Assert.NotNull(anchor);
        Assert.StartsWith("Cadeia íntegra:", await AuditTamperingTests.VerifyThroughThePageAsync(client));

        // Someone with the database file removes the last rows: what is left is still a chain that links.
        Assert.True(await AuditTamperingTests.ExecuteRawAsync(app, "DELETE FROM AuditEntries WHERE Sequence > $sequence", anchor.Sequence - 6) >= 6);

        Assert.Equal($"Cadeia violada: faltam registros no fim (uma âncora registrou até o nº {anchor.Sequence}).",
            await AuditTamperingTests.VerifyThroughThePageAsync(client));
        var api = await AuditTamperingTests.VerifyThroughTheApiAsync(client);
        Assert.False(api.GetProperty("intact").GetBoolean());
        Assert.Equal(anchor.Sequence, api.GetProperty("brokenSequence").GetInt64());
        Assert.Equal(nameof(AuditBreakReason.MissingAtEnd), api.GetProperty("reason").GetString());
    }
}

/// <summary>The anchor job and the anchor file: one line per move of the head, and a bad line named, not crashed on.</summary>
public sealed class AuditAnchorJobTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private Task<AuditAnchor?> RunJobAsync() => app.WithScopeAsync(sp => ActivatorUtilities.CreateInstance<AuditAnchorJob>(sp).AnchorAsync());

    private string AnchorFile => Path.Combine(app.DataFolder, AuditAnchorLog.FileName);

    [Fact]
    public async Task The_job_adds_a_line_only_when_the_head_moved_and_a_garbage_line_is_reported_by_verify()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);

        // The app anchored once at start-up (AuditAnchorStartupTests); the sign-in moved the head since.
        var atStart = (await File.ReadAllLinesAsync(AnchorFile)).Length;
        var first = await RunJobAsync();
        Assert.NotNull(first);
        await using (var db = app.NewDbContext())
        {
            var head = await db.AuditEntries.OrderByDescending(a => a.Sequence).FirstAsync();
            var lines = await File.ReadAllLinesAsync(AnchorFile);
            Assert.Equal(atStart + 1, lines.Length);
            Assert.Equal($"{head.Sequence}\t{head.Hash}\t{first.AtUtc:yyyy-MM-ddTHH:mm:ssZ}", lines[^1]);
        }

        Assert.Null(await RunJobAsync());
        Assert.Equal(atStart + 1, (await File.ReadAllLinesAsync(AnchorFile)).Length);

        await app.CreateStaffAsync(Roles.Receptionist);
        var second = await RunJobAsync();
        Assert.NotNull(second);
        Assert.True(second.Sequence > first.Sequence);
        Assert.Equal(atStart + 2, (await File.ReadAllLinesAsync(AnchorFile)).Length);
        Assert.StartsWith("Cadeia íntegra:", await AuditTamperingTests.VerifyThroughThePageAsync(client));

        await File.AppendAllTextAsync(AnchorFile, "isto não é uma âncora\n");
        Assert.Equal($"Cadeia não verificável: a linha {atStart + 3} do arquivo de âncoras é ilegível.", await AuditTamperingTests.VerifyThroughThePageAsync(client));
        var api = await AuditTamperingTests.VerifyThroughTheApiAsync(client);
        Assert.False(api.GetProperty("intact").GetBoolean());
        Assert.Equal(nameof(AuditBreakReason.AnchorUnreadable), api.GetProperty("reason").GetString());
    }
}
