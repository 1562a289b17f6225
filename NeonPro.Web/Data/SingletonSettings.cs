using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Domain;

namespace NeonPro.Web.Data;

/// <summary>Saving a one-row settings entity (clinic settings, scheduling settings) edited through a versioned form.</summary>
public static class SingletonSettings
{
    /// <summary>
    /// Creates the row on the first save or updates it, checked against the version the form was loaded with.
    /// Returns the saved row; when someone else saved first nothing is written and the stale edit is thrown
    /// (StaleVersionException or DbUpdateConcurrencyException) for the one place that answers it.
    /// </summary>
    public static async Task<T> SaveVersionedAsync<T>(this NeonProDbContext db, Expression<Func<T, bool>> isTheRow,
        Guid loadedVersion, Action<T> apply, CancellationToken ct) where T : class, IVersioned, new()
    {
        var row = await db.Set<T>().FirstOrDefaultAsync(isTheRow, ct);
        var creating = row is null;
        if (row is null)
        {
            // A form loaded after the row existed cannot create it again.
            if (loadedVersion != Guid.Empty) throw new StaleVersionException(null);
            row = new T();
            db.Set<T>().Add(row);
        }
        else db.ExpectVersion(row, loadedVersion);
        apply(row);

        try
        {
            await db.SaveChangesAsync(ct);
            return row;
        }
        catch (DbUpdateException e) when (creating && e is not DbUpdateConcurrencyException)
        {
            // Two first saves at once: the other one created the row.
            throw new StaleVersionException(db.Entry(row));
        }
    }
}
