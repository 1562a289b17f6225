using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Domain;

namespace NeonPro.Web.Data;

/// <summary>Saving a one-row settings entity (clinic settings, scheduling settings) edited through a versioned form.</summary>
public static class SingletonSettings
{
    /// <summary>
    /// Creates the row on the first save or updates it, checked against the version the form was loaded with.
    /// Returns the saved row, or null when someone else saved first (then nothing was written and the form must
    /// be reloaded).
    /// </summary>
    public static async Task<T?> SaveVersionedAsync<T>(this NeonProDbContext db, Expression<Func<T, bool>> isTheRow,
        Guid loadedVersion, Action<T> apply, CancellationToken ct) where T : class, IVersioned, new()
    {
        var row = await db.Set<T>().FirstOrDefaultAsync(isTheRow, ct);
        var creating = row is null;
        if (row is null)
        {
            // A form loaded after the row existed cannot create it again.
            if (loadedVersion != Guid.Empty) return null;
            row = new T();
            db.Set<T>().Add(row);
        }
        else
        {
            if (row.Version != loadedVersion) return null;
            // The update is checked against the version the form was loaded with, not the one just read.
            db.Entry(row).Property(r => r.Version).OriginalValue = loadedVersion;
        }
        apply(row);

        try
        {
            await db.SaveChangesAsync(ct);
            return row;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return null;
        }
        catch (DbUpdateException) when (creating)
        {
            // Two first saves at once: the other one created the row.
            db.ChangeTracker.Clear();
            return null;
        }
    }
}
