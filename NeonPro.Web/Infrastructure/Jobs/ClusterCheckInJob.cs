using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using Quartz;

namespace NeonPro.Web.Infrastructure.Jobs;

/// <summary>
/// The cluster's heartbeat: every fire, whichever node takes it writes one row keyed by the fire's due time. The Jobs
/// page shows which nodes answered the last fires (is the second node alive? has the cluster fallen behind?), and the
/// keys make the cluster's promise checkable: a fire run twice breaks the key, a fire nobody ran leaves a gap.
/// Idempotent: a fire already answered (a recovered fire run again) adds nothing.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ClusterCheckInJob(NeonProDbContext db, AuditActorAccessor actors, TimeProvider clock) : ClinicJob
{
    public static readonly JobKey Key = new("cluster-check-in", "maintenance");

    /// <summary>How many check-ins the table keeps (the page shows the newest few).</summary>
    public const int Kept = 200;

    public override async Task<string> RunAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        actors.ActAsSystem("check-in do cluster");
        if (await db.ClusterCheckIns.AnyAsync(c => c.ScheduledAtUtc == run.ScheduledAtUtc, cancellationToken))
            return $"check-in de {run.ScheduledAtUtc:O} já registrado";

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ClusterCheckIns.Add(new ClusterCheckIn { ScheduledAtUtc = run.ScheduledAtUtc, Node = run.Node, RanAtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        var oldestKept = await db.ClusterCheckIns.OrderByDescending(c => c.ScheduledAtUtc).Skip(Kept - 1)
            .Select(c => (DateTime?)c.ScheduledAtUtc).FirstOrDefaultAsync(cancellationToken);
        if (oldestKept is { } cutoff)
            await db.ClusterCheckIns.Where(c => c.ScheduledAtUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return $"check-in de {run.Node}";
    }
}
