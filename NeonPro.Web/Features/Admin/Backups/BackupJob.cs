using NeonPro.Web.Data;
using NeonPro.Web.Infrastructure.Jobs;
using Quartz;

namespace NeonPro.Web.Features.Admin.Backups;

/// <summary>
/// The daily backup into Backup:Folder, then retention. A failure throws with a message in Portuguese, so the job's
/// run history shows the clinic what went wrong. On PostgreSQL and SQL Server it makes no copy and says so: the server's
/// own tools do that (README).
/// </summary>
[DisallowConcurrentExecution]
public sealed class BackupJob(DatabaseBackup backup, AuditActorAccessor actors, ILogger<BackupJob> logger) : ClinicJob
{
    public static readonly JobKey Key = new("database-backup", "admin");

    public override async Task<string> RunAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        actors.ActAsSystem("cópia de segurança");
        if (!backup.AppMakesBackups)
        {
            const string NotHere = "Cópia não feita pelo NeonPro: neste banco de dados (PostgreSQL ou SQL Server) a cópia de segurança é feita com as ferramentas do próprio servidor (veja o README).";
            logger.LogInformation("No backup made by the app: the database server's own tools back it up (README).");
            return NotHere;
        }
        BackupCopy copy;
        try
        {
            copy = await backup.BackupAsync(backup.DefaultFolder, prune: true, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            // What an operator can act on: the folder, and the reason (disk full, no permission, database error).
            throw new JobExecutionException($"A cópia de segurança falhou ao gravar em {backup.DefaultFolder}: {e.Message}", e);
        }
        return $"Cópia gravada em {copy.DatabaseFile}; {copy.Deleted.Count} cópia(s) antiga(s) apagada(s).";
    }
}
