using NeonPro.Web.Data;
using Quartz;

namespace NeonPro.Web.Infrastructure.Jobs;

/// <summary>The Jobs section of configuration.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>How often a node tells the others it is alive (Quartz's cluster check-in); a node silent for about
    /// twice this long is taken for dead and its fires are recovered by another.</summary>
    public double ClusterCheckinSeconds { get; set; } = 7.5;

    /// <summary>How often the cluster heartbeat job runs (<see cref="ClusterCheckInJob"/>); 0 switches it off.</summary>
    public double HeartbeatSeconds { get; set; } = 60;

    /// <summary>This node's name in the cluster (the Jobs page shows it beside each run); unique per node. Empty: Quartz
    /// makes one from the host name and the start time.</summary>
    public string? NodeName { get; set; }

    /// <summary>Start the scheduler on this node (a node that only serves pages can leave the jobs to the others).</summary>
    public bool RunScheduler { get; set; } = true;
}

/// <summary>
/// How Quartz is hosted, not which jobs it runs: each area registers its own jobs beside its code with
/// <c>services.AddQuartz(q => q.AddJob…)</c> (Quartz composes the calls: every job, trigger and listener added is kept).
/// The schedule lives in the app's own database (the QRTZ_ tables our migrations create), so schedules, misfires and
/// next fire times survive a restart. On PostgreSQL and SQL Server the nodes sharing the database form one cluster
/// and each fire runs on exactly one of them; on SQLite there is one node (Quartz refuses clustering there).
/// </summary>
public static class JobsSetup
{
    public const string SchedulerName = "NeonPro";

    public static IServiceCollection AddNeonProJobs(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        // Checked at start like every section; but read here too, before the container exists, because it decides what is
        // registered: the store's clustering, the node's name, the heartbeat job and whether this node runs the scheduler.
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section)
            .Validate(o => o.ClusterCheckinSeconds > 0, "Jobs:ClusterCheckinSeconds must be more than 0.")
            .Validate(o => o.HeartbeatSeconds >= 0, "Jobs:HeartbeatSeconds must not be negative (0 switches the heartbeat off).")
            .ValidateOnStart();
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        services.AddScoped<JobRunHistory>();
        services.AddSingleton<JobRunRecorder>();
        services.AddScoped<JobCatalog>();

        // The schedule in code replaces the stored one at start (a changed schedule takes effect), but relative to the
        // stored trigger's last fire: a daily fire missed while the server was off is still due, and misfires as such.
        services.Configure<QuartzOptions>(o =>
        {
            o.Scheduling.OverwriteExistingData = true;
            o.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true;
        });

        services.AddQuartz(q =>
        {
            q.UsePersistentStore(store =>
            {
                store.UseSerializer<Quartz.Impl.SystemTextJsonObjectSerializer>();
                switch (database.Provider)
                {
                    case DatabaseProvider.Sqlite:
                        // Beside the app's own connections: the connection string carries the app's busy timeout
                        // (Default Timeout, at least 30 s), so a Quartz write waits for an app write instead of failing
                        // with "database is locked", and the other way round. Quartz itself, seeing SQLite, switches to
                        // its in-process SQLite lock (one store operation at a time, triggers acquired inside the lock)
                        // and refuses clustering; the lock handler is internal to Quartz, so there is nothing to set here.
                        store.UseSqlite(database.ConnectionString);
                        break;
                    case DatabaseProvider.Postgres:
                        store.UsePostgres(database.ConnectionString);
                        store.UseClustering(c => ConfigureCluster(c, options));
                        break;
                    case DatabaseProvider.SqlServer:
                        store.UseSqlServer(database.ConnectionString);
                        store.UseClustering(c => ConfigureCluster(c, options));
                        break;
                    default:
                        throw DatabaseProviders.Unknown(database.Provider);
                }
            });
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                // After the store: UseClustering turns id generation on, and a configured node name must win over it.
                // Each node needs its own id in the cluster: the configured name, or one Quartz makes from the host
                // name and the time.
                s.GenerateInstanceId = string.IsNullOrWhiteSpace(options.NodeName);
                if (!s.GenerateInstanceId) s.InstanceId = options.NodeName!;
            });
            q.AddJobListener<JobRunRecorder>(sp => sp.GetRequiredService<JobRunRecorder>(), []);

            // The jobs hosting's own job: the cluster heartbeat.
            if (options.HeartbeatSeconds > 0)
            {
                q.AddJob<ClusterCheckInJob>(j => j.WithIdentity(ClusterCheckInJob.Key).WithDescription("Check-in dos nós do cluster"));
                q.AddTrigger(t => t.ForJob(ClusterCheckInJob.Key)
                    .WithIdentity("cluster-check-in", "maintenance")
                    .StartAt(DateTimeOffset.UtcNow.AddSeconds(options.HeartbeatSeconds))
                    // A missed beat is not made up: the next one says the same.
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.HeartbeatSeconds)).RepeatForever()
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            }
        });

        if (options.RunScheduler)
        {
            services.AddQuartzHostedService(o =>
            {
                o.WaitForJobsToComplete = true;
                // Start once the app serves: the migrations have run by then.
                o.AwaitApplicationStarted = true;
            });
        }
        return services;
    }

    private static void ConfigureCluster(ClusteringOptions cluster, JobsOptions options)
    {
        cluster.CheckinInterval = TimeSpan.FromSeconds(options.ClusterCheckinSeconds);
        cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(options.ClusterCheckinSeconds * 2);
    }
}
