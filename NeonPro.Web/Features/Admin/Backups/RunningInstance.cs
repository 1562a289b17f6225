namespace NeonPro.Web.Features.Admin.Backups;

/// <summary>
/// While the app serves, it holds an exclusive lock on a file in its data folder; a restore that cannot take the same
/// lock knows the app is running on that folder and refuses (replacing the database under a running app would lose
/// or corrupt what it writes). The operating system releases the lock when the process ends, even after a crash.
/// Only where the app restores its own database (SQLite, one node): on PostgreSQL and SQL Server several nodes may share
/// a folder, and the server's own tools restore.
/// </summary>
public sealed class RunningInstance(NeonPro.Web.Data.DatabaseOptions options) : IHostedService
{
    private FileStream? _lock;

    public static string LockPath(string dataFolder) => Path.Combine(dataFolder, "neonpro.running");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!NeonPro.Web.Data.DatabaseProviders.AppMakesBackups(options.Provider)) return Task.CompletedTask;
        Directory.CreateDirectory(options.DataFolder);
        _lock = TryLock(options.DataFolder)
            ?? throw new InvalidOperationException($"Another NeonPro process is using the data folder {options.DataFolder} (it holds {LockPath(options.DataFolder)}).");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _lock?.Dispose();
        _lock = null;
        return Task.CompletedTask;
    }

    /// <summary>The lock, or null when a running app holds it.</summary>
    public static FileStream? TryLock(string dataFolder)
    {
        try
        {
            return new FileStream(LockPath(dataFolder), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
