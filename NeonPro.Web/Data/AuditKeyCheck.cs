using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Domain.Audit;

namespace NeonPro.Web.Data;

/// <summary>
/// Makes sure the audit trail and the key that hashes its identifiers belong together. The key lives outside the
/// database (a file in the data folder, or Audit:HashKey), so a restore can bring back one without the other; a new
/// key over an old trail would leave every hashed identifier matching nobody while the chain still verifies. The key's
/// fingerprint is therefore recorded in the trail itself (hash-chained, so it cannot be quietly rewritten) when the key
/// is first used, and every start compares it.
/// </summary>
public static class AuditKeyCheck
{
    private sealed record Recorded(string Fingerprint);

    /// <summary>
    /// Creates the key for a database with an empty trail, records its fingerprint, and stops the start (throws) when
    /// the trail has rows and the key is missing or is not the one the trail was written with.
    /// </summary>
    public static async Task EnsureAsync(NeonProDbContext db, AuditHasher hasher, AuditOptions options, string dataFolder,
        ILogger logger, CancellationToken ct = default)
    {
        var recorded = await RecordedFingerprintAsync(db, ct);
        var trailHasRows = recorded is not null || await db.AuditEntries.AnyAsync(ct);

        if (!AuditHasher.KeyExists(options, dataFolder))
        {
            if (trailHasRows)
                throw new InvalidOperationException(
                    $"The audit trail in this database was written with a hash key that is not here: {AuditHasher.KeyFilePath(dataFolder)} is missing " +
                    "and Audit:HashKey is not set. Restore that file from the same backup as the database (or set Audit:HashKey to the key " +
                    "the trail was written with). The app does not create a new key over an existing trail: the trail's hashed " +
                    "identifiers would no longer match anyone." + (recorded is null ? "" : $" The key's fingerprint is {recorded}."));
            AuditHasher.CreateKeyFile(dataFolder);
            logger.LogInformation("Created the audit hash key {Path}: back it up together with the database.", AuditHasher.KeyFilePath(dataFolder));
        }

        var fingerprint = hasher.Fingerprint;
        if (recorded is null)
        {
            // A new database, or one made by a version that did not record fingerprints: the key found now is the one
            // its trail was written with (earlier versions never replaced an existing key file).
            db.AuditEntries.Add(new AuditEntry
            {
                Action = AuditAction.AuditKeyRecorded,
                EntityType = "AuditHashKey",
                NewValues = JsonSerializer.Serialize(new Recorded(fingerprint)),
            });
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Recorded the audit hash key's fingerprint {Fingerprint} in the audit trail.", fingerprint);
        }
        else if (recorded != fingerprint)
        {
            throw new InvalidOperationException(
                $"The audit hash key is not the one this database's audit trail was written with (the trail recorded fingerprint " +
                $"{recorded}, the key here has {fingerprint}). Restore {AuditHasher.KeyFileName} from the same backup as the database " +
                "into the data folder, or set Audit:HashKey to that key.");
        }
    }

    /// <summary>The fingerprint the trail recorded, or null when it has none.</summary>
    public static async Task<string?> RecordedFingerprintAsync(NeonProDbContext db, CancellationToken ct = default)
    {
        var json = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.AuditKeyRecorded)
            .OrderByDescending(a => a.Sequence)
            .Select(a => a.NewValues)
            .FirstOrDefaultAsync(ct);
        return json is null ? null : JsonSerializer.Deserialize<Recorded>(json)?.Fingerprint;
    }
}
