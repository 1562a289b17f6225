using NeonPro.Web.Features.Admin.Backups;
using NeonPro.Web.Infrastructure.Cli;
using Quartz;

namespace NeonPro.Web.Features.Admin;

public static class AdminFeature
{
    public static IServiceCollection AddAdminFeature(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<StaffAccounts>();
        services.AddScoped<IDemoSeeder, ClinicDemoSeeder>();
        services.AddOptions<BackupOptions>().BindConfiguration("Backup");
        services.AddScoped<DatabaseBackup>();
        services.AddHostedService<RunningInstance>();
        services.AddAdminJobs(config);
        return services;
    }

    /// <summary>The area's jobs, beside its code (Quartz keeps every AddQuartz call's jobs and triggers).</summary>
    private static void AddAdminJobs(this IServiceCollection services, IConfiguration config) => services.AddQuartz(q =>
    {
        q.AddJob<BackupJob>(j => j.WithIdentity(BackupJob.Key).WithDescription("Cópia de segurança diária"));
        // Backup:Time at the clinic (its default zone); 02:00 unless configured: the quietest hour. A server that was
        // off then makes the copy once when it is back.
        var time = TimeOnly.ParseExact(config["Backup:Time"] is { Length: > 0 } t ? t : "02:00", "HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        q.AddTrigger(t => t.ForJob(BackupJob.Key)
            .WithIdentity("database-backup-daily", "admin")
            .WithCronSchedule($"0 {time.Minute} {time.Hour} * * ?", c => c
                .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo"))
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    });
}
