using System.Globalization;

namespace NeonPro.Web.Features.Admin.Backups;

/// <summary>The Backup section: where the daily copy goes, when, and how many are kept.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Folder for the copies; empty means "backups" inside the data folder (put it on another disk in production).</summary>
    public string Folder { get; set; } = "";

    /// <summary>Time of day at the clinic (America/Sao_Paulo), HH:mm.</summary>
    public string Time { get; set; } = "02:00";

    public int DailyCopies { get; set; } = 14;

    public int WeeklyCopies { get; set; } = 8;

    /// <summary>Whether a Backup:Time value can be used: HH:mm, or empty for the default.</summary>
    public static bool IsTimeOfDay(string time) =>
        string.IsNullOrEmpty(time) || TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>The time of day of the copy; an empty Time means the default, 02:00 (the quietest hour).</summary>
    public TimeOnly TimeOfDay() => string.IsNullOrEmpty(Time) ? new TimeOnly(2, 0) : TimeOnly.ParseExact(Time, "HH:mm", CultureInfo.InvariantCulture);
}
