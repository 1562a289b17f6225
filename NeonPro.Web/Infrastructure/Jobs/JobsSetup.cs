using NeonPro.Web.Data;
using NeonPro.Web.Features.Admin;
using NeonPro.Web.Features.Compliance;
using Quartz;

namespace NeonPro.Web.Infrastructure.Jobs;

/// <summary>
/// Quartz.NET, registered in one place. Jobs live in their own area's folder; each must be idempotent on its
/// own, because the in-memory store forgets schedules on restart and a recovered job may run again.
/// </summary>
public static class JobsSetup
{
    public static IServiceCollection AddNeonProJobs(this IServiceCollection services, IConfiguration config)
    {
        services.AddQuartz(q =>
        {
            q.AddJob<SqliteCheckpointJob>(j => j.WithIdentity(SqliteCheckpointJob.Key));
            q.AddTrigger(t => t.ForJob(SqliteCheckpointJob.Key)
                .WithIdentity("sqlite-checkpoint-every-15-minutes", "maintenance")
                .StartAt(DateTimeOffset.UtcNow.AddMinutes(15))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(15)).RepeatForever()));
            q.AddComplianceJobs();
            q.AddAdminJobs(config);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
