using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Domain.Backups;

namespace NeonPro.Web.Features.Admin.Backups;

/// <summary>A backup made: the database copy and what was copied beside it.</summary>
public sealed record BackupCopy(string DatabaseFile, string? KeyFile, string? AnchorFile, IReadOnlyList<string> Deleted);

/// <summary>
/// Backups and restores of the SQLite database with what belongs to it (the audit hash key, the audit anchors), shared
/// by the daily job and the backup and restore verbs. A copy is named neonpro-YYYY-MM-DDTHHMMSSZ.db (UTC), its key and
/// anchors beside it under the same name; every file is readable by the service's user only.
/// </summary>
public sealed class DatabaseBackup(NeonProDbContext db, DatabaseOptions database, IOptions<BackupOptions> options,
    IOptions<AuditOptions> audit, TimeProvider clock, ILogger<DatabaseBackup> logger)
{
    private const string Prefix = "neonpro-";
    private const string StampFormat = "yyyy-MM-dd'T'HHmmss'Z'";
    private const string KeySuffix = ".audit-hash.key";
    private const string AnchorSuffix = ".audit-anchors.log";

    public bool AppMakesBackups => DatabaseProviders.AppMakesBackups(database.Provider);

    /// <summary>The configured backup folder (Backup:Folder, relative to the data folder), or "backups" in the data folder.</summary>
    public string DefaultFolder =>
        string.IsNullOrWhiteSpace(options.Value.Folder) ? Path.Combine(database.DataFolder, "backups") : Path.GetFullPath(options.Value.Folder, database.DataFolder);

    /// <summary>Copies the database, its key and its anchors into <paramref name="folder"/>; with <paramref name="prune"/>, then deletes copies beyond retention.</summary>
    public async Task<BackupCopy> BackupAsync(string folder, bool prune, CancellationToken ct)
    {
        if (!AppMakesBackups) throw new InvalidOperationException($"On {database.Provider} the database is backed up with the server's own tools (see the README).");
        folder = Path.GetFullPath(folder);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        // Two runs in the same second (a retried job, the verb beside the job) each get their own name.
        var stamp = clock.GetUtcNow().UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture);
        var name = Prefix + stamp;
        for (var n = 2; File.Exists(Path.Combine(folder, name + ".db")) || File.Exists(Path.Combine(folder, name + ".db.partial")); n++)
            name = $"{Prefix}{stamp}-{n}";
        var target = Path.Combine(folder, name + ".db");
        var partial = target + ".partial";

        // Written under a temporary name and renamed when complete: a copy that failed half-way is never taken for a backup.
        await SqliteFiles.CopyAsync(db, partial, ct);
        File.Move(partial, target);

        string? key = null, anchors = null;
        var keyFile = AuditHasher.KeyFilePath(database.DataFolder);
        if (File.Exists(keyFile)) SqliteFiles.CopyOwnerOnly(keyFile, key = Path.Combine(folder, name + KeySuffix));
        var anchorFile = Path.Combine(database.DataFolder, AuditAnchorLog.FileName);
        if (File.Exists(anchorFile)) SqliteFiles.CopyOwnerOnly(anchorFile, anchors = Path.Combine(folder, name + AnchorSuffix));
        logger.LogInformation("Backup written to {File}", target);

        var deleted = prune ? Prune(folder) : [];
        return new BackupCopy(target, key, anchors, deleted);
    }

    /// <summary>Deletes the copies (with their key and anchors) that retention no longer keeps.</summary>
    public IReadOnlyList<string> Prune(string folder)
    {
        var copies = Directory.GetFiles(folder, Prefix + "*.db")
            .Select(f => (File: f, TakenAt: TakenAt(f)))
            .Where(c => c.TakenAt is not null)
            .ToList();
        var keep = BackupRetention.Keep(copies.Select(c => c.TakenAt!.Value), options.Value.DailyCopies, options.Value.WeeklyCopies);
        var deleted = new List<string>();
        foreach (var (file, takenAt) in copies.Where(c => !keep.Contains(c.TakenAt!.Value)))
        {
            foreach (var path in new[] { file, Companion(file, KeySuffix), Companion(file, AnchorSuffix) }.Where(File.Exists))
                File.Delete(path);
            deleted.Add(file);
        }
        if (deleted.Count > 0) logger.LogInformation("Deleted {Count} backup(s) beyond retention", deleted.Count);
        return deleted;
    }

    private static DateTime? TakenAt(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file)[Prefix.Length..];
        var dash = name.IndexOf('-', StampFormat.Length - 4);
        if (dash > 0) name = name[..dash];
        return DateTime.TryParseExact(name, StampFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    private static string Companion(string databaseCopy, string suffix) =>
        Path.Combine(Path.GetDirectoryName(databaseCopy)!, Path.GetFileNameWithoutExtension(databaseCopy) + suffix);

    /// <summary>
    /// Puts a copy in place as the data folder's database, with the app stopped: checks the copy (integrity, and that
    /// the key restored with it is the one its audit trail was written with), keeps the database it replaces beside it,
    /// restores the key (and the anchors when the folder has none), then verifies the audit chain. Returns what it did,
    /// line by line; throws <see cref="RestoreRefusedException"/> without touching anything when a check fails first.
    /// </summary>
    public async Task<IReadOnlyList<string>> RestoreAsync(string file, CancellationToken ct)
    {
        if (!AppMakesBackups) throw new RestoreRefusedException($"On {database.Provider} restore with the server's own tools (see the README).");
        file = Path.GetFullPath(file);
        if (!File.Exists(file)) throw new RestoreRefusedException($"{file} does not exist.");
        Directory.CreateDirectory(database.DataFolder);
        using var running = RunningInstance.TryLock(database.DataFolder)
            ?? throw new RestoreRefusedException($"NeonPro is running on {database.DataFolder}: stop it first (systemctl stop neonpro), then restore.");

        var integrity = await SqliteFiles.IntegrityCheckAsync(file, ct);
        if (integrity != "ok") throw new RestoreRefusedException($"{file} is damaged (PRAGMA integrity_check: {integrity}).");

        var keyCopy = Companion(file, KeySuffix);
        var configuredKey = audit.Value.HashKey;
        var key = !string.IsNullOrWhiteSpace(configuredKey) ? Convert.FromBase64String(configuredKey)
            : File.Exists(keyCopy) ? Convert.FromBase64String((await File.ReadAllTextAsync(keyCopy, ct)).Trim())
            : throw new RestoreRefusedException($"The audit hash key of this copy ({keyCopy}) is missing and Audit:HashKey is not set: restore it together with the database.");
        string? recorded;
        await using (var copy = Open(file)) recorded = await AuditKeyCheck.RecordedFingerprintAsync(copy, ct);
        var fingerprint = new AuditHasher(key).Fingerprint;
        if (recorded is not null && recorded != fingerprint)
            throw new RestoreRefusedException($"The audit hash key ({(string.IsNullOrWhiteSpace(configuredKey) ? keyCopy : "Audit:HashKey")}) is not the one this copy's audit trail was written with.");

        // The chain of the copy, against the anchors already in the data folder (or the copy's own). Rows missing at the
        // end are expected when restoring an older copy next to newer anchors; any other break refuses the copy.
        AuditVerificationResult chain;
        await using (var copy = Open(file))
            chain = await new AuditLog(copy, new AuditHasher(key), new AuditAnchorLog(database)).VerifyAsync(ct);
        if (chain.Break is { Reason: not AuditBreakReason.MissingAtEnd } broken)
            throw new RestoreRefusedException($"The audit chain of {file} is broken at row {broken.Sequence} ({broken.Reason}).");

        var target = SqliteFiles.DatabaseFile(database.ConnectionString);
        var report = new List<string>();
        if (File.Exists(target))
        {
            var aside = $"{target}.before-restore-{clock.GetUtcNow().UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture)}";
            File.Move(target, aside);
            report.Add($"The database it replaces is kept as {aside}.");
        }
        // A -wal or -shm file belongs to the database it sat beside; applied to the restored copy it would corrupt it.
        foreach (var stale in new[] { target + "-wal", target + "-shm" }.Where(File.Exists)) File.Delete(stale);
        SqliteFiles.CopyOwnerOnly(file, target);
        report.Add($"Restored {file} as {target} (integrity check: ok).");
        if (string.IsNullOrWhiteSpace(configuredKey))
        {
            var keyTarget = AuditHasher.KeyFilePath(database.DataFolder);
            if (File.Exists(keyTarget)) File.Delete(keyTarget);
            SqliteFiles.CopyOwnerOnly(keyCopy, keyTarget);
            report.Add($"Restored the audit hash key as {keyTarget} (fingerprint {fingerprint}).");
        }
        var anchorCopy = Companion(file, AnchorSuffix);
        var anchorTarget = Path.Combine(database.DataFolder, AuditAnchorLog.FileName);
        // The anchors in the data folder, when there are any, reach further than the copy's: they are kept, and say
        // that rows after the copy are missing (which is true after restoring an older copy).
        if (!File.Exists(anchorTarget) && File.Exists(anchorCopy))
        {
            SqliteFiles.CopyOwnerOnly(anchorCopy, anchorTarget);
            report.Add($"Restored the audit anchors as {anchorTarget}.");
        }

        await using (var restored = Open(target))
        {
            var rows = await restored.AuditEntries.LongCountAsync(ct);
            var appointments = await restored.Appointments.LongCountAsync(ct);
            var patients = await restored.Patients.LongCountAsync(ct);
            report.Add($"It holds {patients} patients, {appointments} appointments and {rows} audit rows.");
        }
        report.Add(chain.Break is null
            ? $"Audit chain intact: {chain.RowsChecked} rows verified."
            : $"Audit chain: rows after no. {chain.RowsChecked} are missing at the end (an anchor recorded up to no. {chain.Break.Sequence}): the copy is older than the anchors.");
        return report;
    }

    private NeonProDbContext Open(string file)
    {
        var builder = new DbContextOptionsBuilder<NeonProDbContext>();
        DatabaseProviders.Configure(builder, new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString(),
            DataFolder = database.DataFolder,
        });
        return new NeonProDbContext(builder.Options);
    }
}

/// <summary>A restore that did not happen, and why (nothing was changed).</summary>
public sealed class RestoreRefusedException(string message) : Exception(message);
