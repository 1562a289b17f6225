using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NeonPro.Web.Data;

namespace NeonPro.Web.Infrastructure.Jobs;

public enum JobOutcome { Succeeded, Failed }

/// <summary>
/// One run of a job, on whichever node ran it: what the Jobs page shows as last run, outcome and error. Quartz keeps
/// no such history of its own that we use; the recorder writes it, and keeps the newest <see cref="JobRunHistory.Kept"/> per job.
/// </summary>
[NotAudited("Operational history written by the scheduler itself, several rows a minute in a cluster; it holds no clinic or personal data, only job names, nodes, times and error messages.")]
public sealed class JobRun
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The job's key as the Jobs page and `jobs run` name it ("group.name").</summary>
    public string Job { get; set; } = "";
    /// <summary>The time the fire was due (a manual run: when it was asked for).</summary>
    public DateTime ScheduledAtUtc { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime FinishedAtUtc { get; set; }
    public string Node { get; set; } = "";
    public JobOutcome Outcome { get; set; }
    /// <summary>What the run did, in the job's own words.</summary>
    public string? Summary { get; set; }
    /// <summary>The failure's message only: no stack trace, no connection strings, no data.</summary>
    public string? Error { get; set; }
}

public sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.ToTable("JobRuns");
        b.HasKey(r => r.Id);
        b.Property(r => r.Job).HasMaxLength(300).IsRequired();
        b.Property(r => r.Node).HasMaxLength(200).IsRequired();
        b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Summary).HasMaxLength(1000);
        b.Property(r => r.Error).HasMaxLength(1000);
        b.HasIndex(r => new { r.Job, r.StartedAtUtc });
    }
}

/// <summary>
/// One check-in of a cluster node, keyed by the fire it answers: a fire run twice (by two nodes) would break the key,
/// and a gap in the keys is a fire nobody ran. The Jobs page shows which node answered the last ones.
/// </summary>
[NotAudited("Operational heartbeat of the scheduler's nodes; no clinic or personal data.")]
public sealed class ClusterCheckIn
{
    /// <summary>The fire's due time, UTC: the key.</summary>
    public DateTime ScheduledAtUtc { get; set; }
    public string Node { get; set; } = "";
    public DateTime RanAtUtc { get; set; }
}

public sealed class ClusterCheckInConfiguration : IEntityTypeConfiguration<ClusterCheckIn>
{
    public void Configure(EntityTypeBuilder<ClusterCheckIn> b)
    {
        b.ToTable("ClusterCheckIns");
        b.HasKey(c => c.ScheduledAtUtc);
        b.Property(c => c.Node).HasMaxLength(200).IsRequired();
    }
}
