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
    /// <summary>What the audit stores in place of a secret's value: that there is one, never what it is.</summary>
    public const string SecretMarker = "***";

    // The transaction this interceptor opened for a save, so it can commit or roll it back afterwards.
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _ownedTransactions = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not NeonProDbContext db) return result;

        // A concurrency conflict reaches no interceptor method (EF raises only the context's SaveChangesFailed
        // event for it), and that is the failure the clinic's edit screens meet most; the event covers every failure.
        db.SaveChangesFailed -= OnSaveChangesFailed;
        db.SaveChangesFailed += OnSaveChangesFailed;

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
            .Where(e => e.Entity is not AuditEntry)
            .Where(e => !IsNotAudited(e.Entity.GetType()))
            .ToList();

        try
        {
            foreach (var entry in changes)
            {
                if (entry is { State: EntityState.Modified, Entity: IVersioned versioned })
                    versioned.Version = Guid.NewGuid();
                if (IsAudited(entry.Metadata)) db.AuditEntries.Add(Describe(entry, now, actor));
            }

            // Nothing to seal (only operational rows changed): no transaction of ours and no chain lock, so such saves
            // never queue behind the audited writes of the whole clinic.
            var pending = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList();
            if (pending.Count == 0) return result;

            if (db.Database.CurrentTransaction is null)
            {
                // SQLite starts this as BEGIN IMMEDIATE, which takes the write lock: reading the chain's tail
                // and appending to it cannot interleave with another writer.
                _ownedTransactions.AddOrUpdate(db, await db.Database.BeginTransactionAsync(cancellationToken));
            }
            await SealAsync(db, pending.Select(p => p.Entity).ToList(), now, actor, cancellationToken);
            return result;
        }
        catch
        {
            // EF tells no interceptor about a failure in this method: without this, the transaction would stay
            // open, holding the write lock, and silently swallow the context's next save.
            Abandon(db);
            throw;
        }
    }

    /// <summary>Operational rows marked [NotAudited] (a job's run history) are left out of the trail entirely.</summary>
    public static bool IsNotAudited(Type type) => Attribute.IsDefined(type, typeof(NotAuditedAttribute), inherit: false);

    private static async Task SealAsync(NeonProDbContext db, List<AuditEntry> rows, DateTime now, AuditActor actor, CancellationToken cancellationToken)
    {
        await DatabaseProviders.LockAuditChainAsync(db, cancellationToken);

        var tail = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = tail?.Sequence ?? 0;
        var previous = tail?.Hash ?? AuditChain.Genesis;

        foreach (var row in rows) previous = Seal(row, ++sequence, previous, now, actor);
    }

    /// <summary>
    /// Seals one row into the chain after the row whose hash is <paramref name="previous"/>: its time in whole
    /// microseconds, the actor where the row names none, its sequence and both hashes. Returns the row's hash.
    /// Bulk writers (the demo history) seal with this too, so their rows verify exactly like the app's.
    /// </summary>
    public static string Seal(AuditEntry row, long sequence, string previous, DateTime now, AuditActor actor)
    {
        if (row.OccurredAtUtc == default) row.OccurredAtUtc = now;
        // A local time is stored converted to UTC, so it is hashed converted too; and in whole microseconds,
        // the finest instant every engine keeps (PostgreSQL), so the value read back is the value hashed.
        var utc = row.OccurredAtUtc.Kind == DateTimeKind.Local ? row.OccurredAtUtc.ToUniversalTime() : row.OccurredAtUtc;
        row.OccurredAtUtc = new DateTime(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);
        if (row.UserId is null && row.UserName is null)
        {
            row.UserId = actor.UserId;
            row.UserName = actor.UserName;
            row.Role = actor.Role;
        }
        row.IpAddress ??= actor.IpAddress;
        row.UserAgent ??= actor.UserAgent;
        row.Sequence = sequence;
        row.PreviousHash = previous;
        row.Hash = AuditChain.ComputeHash(row);
        return row.Hash;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _ownedTransactions.TryGetValue(db, out var tx))
        {
            _ownedTransactions.Remove(db);
            // The rows are written and the entities already marked saved: the commit must not be cancelled halfway.
            await using (tx) await tx.CommitAsync(CancellationToken.None);
        }
        return result;
    }

    // Cancellation is reported here and not as a failure (neither the interceptor's nor the event's).
    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    private void OnSaveChangesFailed(object? sender, SaveChangesFailedEventArgs e) => Abandon(sender as DbContext);

    /// <summary>After a failed save: roll back the transaction opened for it and forget the rows that described it.</summary>
    private void Abandon(DbContext? db)
    {
        if (db is null) return;
        if (_ownedTransactions.TryGetValue(db, out var tx))
        {
            _ownedTransactions.Remove(db);
            tx.Dispose(); // disposing an uncommitted transaction rolls it back
        }
        // A retry describes its changes anew, so these rows would be duplicates (with the failed attempt's values);
        // explicit event rows stay, to be sealed again by the retry.
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

        var entityId = EntityIdOf(entry.Metadata, p => entry.Property(p.Name).CurrentValue,
            key => key.Properties.All(p => !entry.Property(p.Name).IsTemporary));

        return new AuditEntry
        {
            OccurredAtUtc = now,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Role = actor.Role,
            IpAddress = actor.IpAddress,
            UserAgent = actor.UserAgent,
            Action = action,
            EntityType = EntityTypeName(entry.Metadata),
            EntityId = entityId,
            OldValues = oldValues?.ToJsonString(),
            NewValues = newValues?.ToJsonString(),
        };
    }

    /// <summary>
    /// The audit's EntityId of a row: its key values joined by commas, identifying ones hashed, secret ones masked;
    /// null for a key not known yet (<paramref name="keyIsKnown"/> false: a temporary value).
    /// </summary>
    public string? EntityIdOf(Microsoft.EntityFrameworkCore.Metadata.IEntityType type, Func<Microsoft.EntityFrameworkCore.Metadata.IProperty, object?> valueOf,
        Func<Microsoft.EntityFrameworkCore.Metadata.IKey, bool>? keyIsKnown = null)
    {
        var key = type.FindPrimaryKey();
        if (key is null || keyIsKnown?.Invoke(key) == false) return null;
        // A key can itself be identifying (a patient's name token): hashed like any other identifying value.
        return string.Join(",", key.Properties.Select(p =>
        {
            var text = Convert.ToString(valueOf(p), System.Globalization.CultureInfo.InvariantCulture);
            if (text is null) return text;
            return IsSecret(p) ? SecretMarker : IsIdentifying(p) ? hasher.Hash(text) : text;
        }));
    }

    /// <summary>A property's value as the trail's JSON holds it: secrets masked, identifying values hashed, instants in UTC ISO-8601.</summary>
    public JsonNode? Value(Microsoft.EntityFrameworkCore.Metadata.IProperty meta, object? value)
    {
        if (value is null) return null;
        // Checked first: a secret is never written, not even hashed (a hash of a short code can be reversed by trying them all).
        if (IsSecret(meta)) return SecretMarker;
        if (IsIdentifying(meta))
            return hasher.Hash(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return value switch
        {
            DateTime dt => DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dt.Kind).ToUniversalTime().ToString("O"),
            Enum en => en.ToString(),
            _ => JsonSerializer.SerializeToNode(value, value.GetType()),
        };
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Microsoft.EntityFrameworkCore.Metadata.IReadOnlyEntityType, bool> Audited = new();

    /// <summary>
    /// Whether changes to rows of this type are written to the trail. A type nobody classified is audited: the model
    /// test fails for it, and until then the trail errs on the side of keeping a record.
    /// </summary>
    public static bool IsAudited(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyEntityType type) =>
        Audited.GetOrAdd(type, t => AuditClassification.Of(t).IsAudited);

    /// <summary>The name an entity type goes by in the audit's EntityType column (and the Audit page's labels).</summary>
    public static string EntityTypeName(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyEntityType type) =>
        // Join tables of many-to-many relations are shared-type entities: their model name says what they are.
        // Others go by their class name, generic ones as C# writes them (IdentityUserRole<string>, not IdentityUserRole`1).
        type.HasSharedClrType ? type.Name : type.DisplayName();

    public static bool IsIdentifying(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyProperty p) =>
        p.FindAnnotation(AuditAnnotations.Identifying)?.Value is true
        || p.PropertyInfo?.GetCustomAttribute<IdentifyingAttribute>() is not null;

    /// <summary>
    /// A secret property: marked itself, or any non-key property of an entity type declared secret as a whole.
    /// The key stays readable so the row still says whose token changed.
    /// </summary>
    public static bool IsSecret(Microsoft.EntityFrameworkCore.Metadata.IProperty p)
    {
        if (p.FindAnnotation(AuditAnnotations.Secret)?.Value is true
            || p.PropertyInfo?.GetCustomAttribute<SecretAttribute>() is not null) return true;
        var type = p.DeclaringType.ContainingEntityType;
        var secretType = type.GetAllBaseTypesInclusive().Any(t => t.FindAnnotation(AuditAnnotations.Secret)?.Value is true)
            || type.ClrType.GetCustomAttribute<SecretAttribute>(inherit: true) is not null;
        return secretType && !p.IsPrimaryKey();
    }
}
