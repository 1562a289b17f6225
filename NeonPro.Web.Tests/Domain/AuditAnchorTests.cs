using NeonPro.Web.Domain.Audit;

namespace NeonPro.Web.Tests.Domain;

public sealed class AuditAnchorTests
{
    private static readonly DateTime At = new(2026, 11, 28, 5, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_line_reads_back_as_the_anchor_it_was_written_from_and_garbage_does_not_read()
    {
        var anchor = new AuditAnchor(42, "abc123", At);
        Assert.Equal("42\tabc123\t2026-11-28T05:00:00Z", anchor.ToLine());
        Assert.True(AuditAnchor.TryParse(anchor.ToLine(), out var read));
        Assert.Equal(anchor, read);
        Assert.Equal(DateTimeKind.Utc, read.AtUtc.Kind);
        foreach (var garbage in new[] { "", "42 abc123 2026-11-28T05:00:00Z", "x\tabc\t2026-11-28T05:00:00Z", "0\tabc\t2026-11-28T05:00:00Z", "42\t\t2026-11-28T05:00:00Z", "42\tabc\tontem" })
            Assert.False(AuditAnchor.TryParse(garbage, out _), garbage);
    }

    [Fact]
    public void A_chain_shorter_than_its_newest_anchor_is_missing_rows_at_the_end()
    {
        var anchors = new[] { new AuditAnchor(10, "h10", At), new AuditAnchor(20, "h20", At.AddDays(1)) };
        var hashes = new Dictionary<long, string> { [10] = "h10", [20] = "h20" };

        Assert.Null(AuditAnchor.Check(anchors, 25, s => hashes.GetValueOrDefault(s)));
        Assert.Null(AuditAnchor.Check([], 0, _ => null));
        Assert.Equal(new AuditChainBreak(20, AuditBreakReason.MissingAtEnd), AuditAnchor.Check(anchors, 19, s => hashes.GetValueOrDefault(s)));
        hashes[20] = "rewritten";
        Assert.Equal(new AuditChainBreak(20, AuditBreakReason.DiffersFromAnchor), AuditAnchor.Check(anchors, 25, s => hashes.GetValueOrDefault(s)));
    }
}
