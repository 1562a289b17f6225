using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Infrastructure.Jobs;
using Quartz;

namespace NeonPro.Web.Features.Compliance.Audit;

/// <summary>
/// Once a day, appends the audit chain's head to the anchor log, so that rows later cut off the end of the chain
/// show up in the verification. Idempotent: when the head has not moved since the last line, nothing is added.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AuditAnchorJob(NeonProDbContext db, AuditAnchorLog anchors, AuditActorAccessor actors, TimeProvider clock) : ClinicJob
{
    public static readonly JobKey Key = new("audit-anchor", "compliance");

    public override async Task<string> RunAsync(JobRunContext run, CancellationToken cancellationToken) =>
        await AnchorAsync(cancellationToken) is { } anchor
            ? $"âncora gravada: sequência {anchor.Sequence}"
            : "nada novo a ancorar";

    /// <summary>The anchor appended, or null when there was nothing new to anchor.</summary>
    public async Task<AuditAnchor?> AnchorAsync(CancellationToken ct = default)
    {
        actors.ActAsSystem("âncora da auditoria");
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        if (head is null) return null;
        if (anchors.Read().Anchors.LastOrDefault() is { } last && last.Sequence == head.Sequence && last.Hash == head.Hash)
            return null;
        var anchor = new AuditAnchor(head.Sequence, head.Hash, clock.GetUtcNow().UtcDateTime);
        anchors.Append(anchor);
        return anchor;
    }
}
