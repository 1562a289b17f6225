using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using NeonPro.Web.Domain;
using NeonPro.Web.Domain.Audit;

namespace NeonPro.Web.Data;

/// <summary>
/// Writes one audit row per inserted, updated or deleted entity in the same transaction as the change,
/// and seals every new audit row into the hash chain. Audit rows themselves can only be added.
/// </summary>
public sealed class AuditInterceptor(AuditActorAccessor actors, AuditHasher hasher, TimeProvider clock) : SaveChangesInterceptor
{
    // The transaction this interceptor opened for a save, so it can commit or roll it back afterwards.
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _ownedTransactions = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not NeonProDbContext db) return result;

        db.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow().UtcDateTime;
        var actor = actors.Current();

        foreach (var entry in db.ChangeTracker.Entries<AuditEntry>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("Audit rows are append-only: they cannot be changed or deleted.");
        }

        var changes = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not AuditEntry and not DataProtectionKey)
            .ToList();

        foreach (var entry in changes)
        {
            if (entry is { State: EntityState.Modified, Entity: IVersioned versioned })
                versioned.Version = Guid.NewGuid();
            db.AuditEntries.Add(Describe(entry, now, actor));
        }

        var pending = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList();
        if (pending.Count == 0) return result;

        if (db.Database.CurrentTransaction is null)
        {
            // SQLite starts this as BEGIN IMMEDIATE, which takes the write lock: reading the chain's tail
            // and appending to it cannot interleave with another writer.
            var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            _ownedTransactions.AddOrUpdate(db, tx);
        }
        await DatabaseProviders.LockAuditChainAsync(db, cancellationToken);

        var tail = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = tail?.Sequence ?? 0;
        var previous = tail?.Hash ?? AuditChain.Genesis;

        foreach (var row in pending.Select(p => p.Entity))
        {
            if (row.OccurredAtUtc == default) row.OccurredAtUtc = now;
            row.OccurredAtUtc = DateTime.SpecifyKind(row.OccurredAtUtc, DateTimeKind.Utc);
            if (row.UserId is null && row.UserName is null)
            {
                row.UserId = actor.UserId;
                row.UserName = actor.UserName;
                row.Role = actor.Role;
            }
            row.IpAddress ??= actor.IpAddress;
            row.UserAgent ??= actor.UserAgent;
            row.Sequence = ++sequence;
            row.PreviousHash = previous;
            row.Hash = AuditChain.ComputeHash(row);
            previous = row.Hash;
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _ownedTransactions.TryGetValue(db, out var tx))
        {
            _ownedTransactions.Remove(db);
            await tx.CommitAsync(cancellationToken);
            await tx.DisposeAsync();
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db) return;
        if (_ownedTransactions.TryGetValue(db, out var tx))
        {
            _ownedTransactions.Remove(db);
            await tx.RollbackAsync(CancellationToken.None);
            await tx.DisposeAsync();
        }
        // The rows describing this failed save must not be written by a later retry (it describes itself anew);
        // explicit event rows stay, to be sealed again on the retry.
        foreach (var e in db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            if (e.Entity.Action is AuditAction.Insert or AuditAction.Update or AuditAction.Delete) e.State = EntityState.Detached;
            else e.Entity.Hash = "";
        }
    }

    private AuditEntry Describe(EntityEntry entry, DateTime now, AuditActor actor)
    {
        var action = entry.State switch
        {
            EntityState.Added => AuditAction.Insert,
            EntityState.Deleted => AuditAction.Delete,
            _ => AuditAction.Update,
        };
        JsonObject? oldValues = null, newValues = null;
        foreach (var prop in entry.Properties)
        {
            var meta = prop.Metadata;
            if (IsNotAudited(meta)) continue;
            switch (entry.State)
            {
                case EntityState.Added:
                    (newValues ??= [])[meta.Name] = Value(meta, prop.CurrentValue);
                    break;
                case EntityState.Deleted:
                    (oldValues ??= [])[meta.Name] = Value(meta, prop.OriginalValue);
                    break;
                case EntityState.Modified when prop.IsModified && !Equals(prop.OriginalValue, prop.CurrentValue):
                    (oldValues ??= [])[meta.Name] = Value(meta, prop.OriginalValue);
                    (newValues ??= [])[meta.Name] = Value(meta, prop.CurrentValue);
                    break;
            }
        }

        var key = entry.Metadata.FindPrimaryKey();
        string? entityId = null;
        if (key is not null && key.Properties.All(p => !entry.Property(p.Name).IsTemporary))
            entityId = string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

        return new AuditEntry
        {
            OccurredAtUtc = now,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Role = actor.Role,
            IpAddress = actor.IpAddress,
            UserAgent = actor.UserAgent,
            Action = action,
            // Join tables of many-to-many relations are shared-type entities: their model name says what they are.
            EntityType = entry.Metadata.HasSharedClrType ? entry.Metadata.Name : entry.Metadata.ClrType.Name,
            EntityId = entityId,
            OldValues = oldValues?.ToJsonString(),
            NewValues = newValues?.ToJsonString(),
        };
    }

    private JsonNode? Value(Microsoft.EntityFrameworkCore.Metadata.IProperty meta, object? value)
    {
        if (value is null) return null;
        if (IsIdentifying(meta))
            return hasher.Hash(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return value switch
        {
            DateTime dt => DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dt.Kind).ToUniversalTime().ToString("O"),
            Enum en => en.ToString(),
            _ => JsonSerializer.SerializeToNode(value, value.GetType()),
        };
    }

    private static bool IsIdentifying(Microsoft.EntityFrameworkCore.Metadata.IProperty p) =>
        p.FindAnnotation(AuditAnnotations.Identifying)?.Value is true
        || p.PropertyInfo?.GetCustomAttribute<IdentifyingAttribute>() is not null;

    private static bool IsNotAudited(Microsoft.EntityFrameworkCore.Metadata.IProperty p) =>
        p.FindAnnotation(AuditAnnotations.NotAudited)?.Value is true
        || p.PropertyInfo?.GetCustomAttribute<NotAuditedAttribute>() is not null;
}
