using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Domain.Audit;

namespace NeonPro.Web.Data;

/// <summary>
/// Explicit audit events (sign-ins, user administration, chart views) and the chain check behind the Audit page. In the
/// data layer beside the interceptor: every area writes events, and the Compliance area only reads them.
/// </summary>
public sealed class AuditLog(NeonProDbContext db, AuditHasher hasher, AuditAnchorLog anchorLog)
{
    /// <summary>Adds an event row; it is sealed into the chain by the next SaveChanges.</summary>
    public AuditEntry Add(AuditAction action, string entityType, string? entityId, object? details = null)
    {
        var row = new AuditEntry
        {
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            NewValues = details is null ? null : System.Text.Json.JsonSerializer.Serialize(details),
        };
        db.AuditEntries.Add(row);
        return row;
    }

    /// <summary>An identifying value (an e-mail typed at sign-in) as the audit may hold it.</summary>
    public string Protect(string value) => hasher.Hash(value.Trim().ToLowerInvariant());

    /// <summary>
    /// Walks the whole chain in order, streaming, and reports the first row that does not fit; then compares the
    /// chain with the anchor log, which is what shows rows cut off the end. The newest anchor is part of the verdict:
    /// "intact" means intact up to what that anchor recorded, and the reader should know when that was.
    /// </summary>
    public async Task<AuditVerificationResult> VerifyAsync(CancellationToken ct = default)
    {
        var (anchors, unreadableLine) = anchorLog.Read();
        var lastAnchor = anchors.MaxBy(a => a.Sequence);
        if (unreadableLine is { } line) return new(0, new AuditChainBreak(line, AuditBreakReason.AnchorUnreadable), lastAnchor);
        var anchored = anchors.Select(a => a.Sequence).ToHashSet();
        var anchoredHashes = new Dictionary<long, string>();

        var walk = new AuditChainWalk();
        long last = 0;
        if (db.Database.IsSqlite())
        {
            (last, var broken) = await SqliteChainReader.WalkAsync(db, walk, anchored, anchoredHashes, ct);
            if (broken is not null) return new(walk.RowsChecked, broken, lastAnchor);
        }
        else
        {
            await foreach (var row in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (walk.Next(row) is { } broken) return new(walk.RowsChecked, broken, lastAnchor);
                if (anchored.Contains(row.Sequence)) anchoredHashes[row.Sequence] = row.Hash;
                last = row.Sequence;
            }
        }
        return new(walk.RowsChecked, AuditAnchor.Check(anchors, last, s => anchoredHashes.GetValueOrDefault(s)), lastAnchor);
    }
}

/// <summary>What a verification found: rows checked, the first break (null when intact) and the newest anchor compared.</summary>
public sealed record AuditVerificationResult(long RowsChecked, AuditChainBreak? Break, AuditAnchor? LastAnchor)
{
    public void Deconstruct(out long rowsChecked, out AuditChainBreak? @break)
    {
        rowsChecked = RowsChecked;
        @break = Break;
    }
}
