using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NeonPro.Web.Features.Admin.Backups;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Cli;
using Quartz;

namespace NeonPro.Web.Features.Admin;

/// <summary>Users, the clinic's settings, backups and jobs: admins only.</summary>
public static class AdminFeature
{
    public static IServiceCollection AddAdminFeature(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Admin", Policies.Admin));
        services.AddScoped<StaffAccounts>();
        services.AddScoped<IDemoSeeder, ClinicDemoSeeder>();
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section)
            .Validate(o => BackupOptions.IsTimeOfDay(o.Time), "Backup:Time must be a time of day as HH:mm (e.g. 02:00).")
            // The newest copy is always kept, so 0 is allowed: it keeps that one copy.
            .Validate(o => o.DailyCopies >= 0, "Backup:DailyCopies must not be negative.")
            .Validate(o => o.WeeklyCopies >= 0, "Backup:WeeklyCopies must not be negative.")
            .ValidateOnStart();
        services.AddScoped<DatabaseBackup>();
        services.AddHostedService<RunningInstance>();
        services.AddAdminJobs();
        return services;
    }

    /// <summary>The area's jobs, beside its code (Quartz keeps every AddQuartz call's jobs and triggers).</summary>
    private static void AddAdminJobs(this IServiceCollection services) => services.AddQuartz(q =>
    {
        q.AddJob<BackupJob>(j => j.WithIdentity(BackupJob.Key).WithDescription("Cópia de segurança diária"));
        // Backup:Time at the clinic (its default zone); 02:00 unless configured: the quietest hour. A server that was
        // off then makes the copy once when it is back. Built from the validated options when the scheduler starts.
        q.AddTrigger((sp, t) =>
        {
            var time = sp.GetRequiredService<IOptions<BackupOptions>>().Value.TimeOfDay();
            t.ForJob(BackupJob.Key)
                .WithIdentity("database-backup-daily", "admin")
                .WithCronSchedule($"0 {time.Minute} {time.Hour} * * ?", c => c
                    .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo"))
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed));
        });
    });
}
