using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Compliance;

/// <summary>
/// Verify hashes rows on several threads, a batch of rows at a time, while one thread reads; it must still name the
/// first break in sequence order, wherever it falls among the batches, and hand unreadable rows to EF in order. A
/// trail of thousands of rows (several batches in flight at once). Own database: the chain is broken on purpose.
/// </summary>
public sealed class AuditVerifyBatchesTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private Task<int> ExecuteRawAsync(string sql, long sequence) => AuditTamperingTests.ExecuteRawAsync(app, sql, sequence);

    private static Task<(bool Intact, long? Broken, string? Reason, long Rows)> VerifyAsync(HttpClient client) => AuditTamperingTests.VerdictAsync(client);

    [Fact]
    public async Task The_first_break_in_sequence_order_is_named_wherever_it_falls_among_the_batches()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        var start = DateTime.UtcNow.AddDays(-30);
        var lot = await AuditTests.AddEventsAsync(app, "Lote", [.. Enumerable.Range(0, 9000).Select(i => start.AddSeconds(i))]);
        long late = lot[8500], early = lot[2049], iso = lot[5000];
        long count;
        await using (var db = app.NewDbContext()) count = await db.AuditEntries.LongCountAsync();
        Assert.True(lot[^1] > 3 * 1024 && early < iso && iso < late);
        Assert.Equal((true, (long?)null, (string?)null, count), await VerifyAsync(client));

        // A change far into the trail, then an earlier one: the earlier is named, whichever batch is hashed first.
        Assert.Equal(1, await ExecuteRawAsync("UPDATE AuditEntries SET NewValues = replace(NewValues, 'relatorio', 'planilha') WHERE Sequence = $sequence", late));
        Assert.Equal((false, (long?)late, (string?)"ContentChanged", late), await VerifyAsync(client));
        Assert.Equal(1, await ExecuteRawAsync("UPDATE AuditEntries SET PreviousHash = replace(PreviousHash, substr(PreviousHash, 1, 1), 'x') WHERE Sequence = $sequence", early));
        Assert.Equal((false, (long?)early, (string?)"BrokenLink", early), await VerifyAsync(client));
        Assert.Equal(1, await ExecuteRawAsync("UPDATE AuditEntries SET PreviousHash = (SELECT Hash FROM AuditEntries WHERE Sequence = $sequence - 1) WHERE Sequence = $sequence", early));

        // A row in a form only EF reads (the ISO 'T'), in the middle of the pipeline: read through EF, then the scan goes
        // on from the next row and still reaches the later change.
        Assert.Equal(1, await ExecuteRawAsync("UPDATE AuditEntries SET OccurredAtUtc = replace(OccurredAtUtc, ' ', 'T') WHERE Sequence = $sequence", iso));
        Assert.Equal((false, (long?)late, (string?)"ContentChanged", late), await VerifyAsync(client));
        Assert.Equal(1, await ExecuteRawAsync("UPDATE AuditEntries SET NewValues = replace(NewValues, 'planilha', 'relatorio') WHERE Sequence = $sequence", late));
        Assert.Equal((true, (long?)null, (string?)null, count), await VerifyAsync(client));

        // A row deleted on a batch's edge: named at the row after the gap, every row before it checked.
        const long edge = 3 * 1024;
        Assert.Equal(1, await ExecuteRawAsync("DELETE FROM AuditEntries WHERE Sequence = $sequence", edge));
        Assert.Equal((false, (long?)edge + 1, (string?)"MissingRows", edge), await VerifyAsync(client));
    }
}
