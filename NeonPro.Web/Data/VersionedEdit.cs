using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NeonPro.Web.Domain;

namespace NeonPro.Web.Data;

/// <summary>The form was loaded from a version of the record that is no longer the current one.</summary>
public sealed class StaleVersionException(EntityEntry? entry) : Exception("The record changed since the form was loaded.")
{
    /// <summary>The record, to tell who changed it; null when the form's record is gone.</summary>
    public EntityEntry? Entry { get; } = entry;
}

/// <summary>
/// The step every versioned form takes before it changes the record it loaded. A stale version surfaces as
/// StaleVersionException or DbUpdateConcurrencyException; the web layer's StaleEditFilter answers both the same way.
/// </summary>
public static class VersionedEdit
{
    /// <summary>
    /// Checks the update against the version the form was loaded with: refused now when it is already stale (a save
    /// that changes nothing would not reach the database to be refused), and by SaveChanges when someone saves in between.
    /// </summary>
    public static void ExpectVersion<T>(this DbContext db, T record, Guid loadedVersion) where T : class, IVersioned
    {
        var entry = db.Entry(record);
        entry.Property(r => r.Version).OriginalValue = loadedVersion;
        if (record.Version != loadedVersion) throw new StaleVersionException(entry);
    }

    /// <summary>
    /// Saves, and answers a lost race on a versioned row (someone saved it between this load and this save) with
    /// true instead of an exception, for services whose callers expect a domain result rather than a page's 409
    /// (the agenda's status changes and moves). Nothing was written then, and the tracked edits are dropped.
    /// Pages let the exception reach <c>StaleEditFilter</c> instead.
    /// </summary>
    public static async Task<bool> SaveLostToAnotherEditAsync(this DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return false;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return true;
        }
    }
}
