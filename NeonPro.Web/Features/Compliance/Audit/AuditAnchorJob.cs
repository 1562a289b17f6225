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

    /// <summary>An install whose newest anchor is older than this (or that has none) anchors at start-up.</summary>
    public static readonly TimeSpan MaxAnchorAge = TimeSpan.FromDays(1);

    /// <summary>
    /// At start-up: anchors now when the log is missing or its newest anchor is older than <see cref="MaxAnchorAge"/>,
    /// so a fresh install, or one stopped over 02:00 for days, does not wait for the next night to be anchored.
    /// </summary>
    public async Task<AuditAnchor?> AnchorIfStaleAsync(CancellationToken ct = default)
    {
        var newest = anchors.Read().Anchors.MaxBy(a => a.AtUtc);
        if (newest is not null && newest.AtUtc > clock.GetUtcNow().UtcDateTime - MaxAnchorAge) return null;
        return await AnchorAsync(ct);
    }

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

/// <summary>
/// Runs <see cref="AuditAnchorJob.AnchorIfStaleAsync"/> once the app has started, after every start-up task that writes
/// (migrations, consent terms), with the job's own code and actor.
/// </summary>
public sealed class AuditAnchorStartup(IServiceScopeFactory scopes) : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await ActivatorUtilities.CreateInstance<AuditAnchorJob>(scope.ServiceProvider).AnchorIfStaleAsync(cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
