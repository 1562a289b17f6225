namespace NeonPro.Web.Features.Admin.Backups;

/// <summary>The Backup section: where the daily copy goes, when, and how many are kept.</summary>
public sealed class BackupOptions
{
    /// <summary>Folder for the copies; empty means "backups" inside the data folder (put it on another disk in production).</summary>
    public string Folder { get; set; } = "";
    /// <summary>Time of day at the clinic (America/Sao_Paulo), HH:mm.</summary>
    public string Time { get; set; } = "02:00";
    public int DailyCopies { get; set; } = 14;
    public int WeeklyCopies { get; set; } = 8;
}
