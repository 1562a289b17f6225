using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Tests.Infrastructure;
using Npgsql;

namespace NeonPro.Web.Tests.Data;

/// <summary>Stands for an operational row (a delivery attempt, a job run) in these tests; the app's model has none of its own yet.</summary>
[NotAudited("test-only stand-in for an operational row: a delivery attempt is the outbox's bookkeeping, not anyone's action")]
public sealed class DeliveryAttemptProbe
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Channel { get; set; } = "";
}

/// <summary>The clinic's whole model plus one operational table, so the real interceptor meets a not-audited entity.</summary>
public sealed class OperationalProbeDbContext(DbContextOptions<NeonProDbContext> options) : NeonProDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<DeliveryAttemptProbe>().ToTable("DeliveryAttemptProbes");
    }
}

/// <summary>
/// Rows marked [NotAudited] write nothing to the trail, and a save of only such rows takes no audit-chain lock: on
/// PostgreSQL, with the chain's advisory lock held by another transaction, it completes while an audited save waits.
/// </summary>
public sealed class OperationalRowsTests
{
    private const long AuditChainLock = 724100; // DatabaseProviders.LockAuditChainAsync

    private static OperationalProbeDbContext Context(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<NeonProDbContext>();
        DatabaseProviders.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString });
        builder.AddInterceptors(new AuditInterceptor(new AuditActorAccessor(new HttpContextAccessor()), new AuditHasher(new byte[32]), TimeProvider.System));
        return new OperationalProbeDbContext(builder.Options);
    }

    [Fact]
    public async Task Saving_only_operational_rows_completes_while_another_transaction_holds_the_audit_chain_lock_and_an_audited_save_waits()
    {
        var connectionString = PostgresServer.Instance.CreateDatabase();
        await using (var db = Context(connectionString)) await db.Database.EnsureCreatedAsync();

        await using var holder = new NpgsqlConnection(connectionString);
        await holder.OpenAsync();
        await using var held = await holder.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AuditChainLock})", holder, held)) await take.ExecuteNonQueryAsync();

        await using var operational = Context(connectionString);
        operational.Add(new DeliveryAttemptProbe { Channel = "WhatsApp" });
        var operationalSave = operational.SaveChangesAsync();
        Assert.Same(operationalSave, await Task.WhenAny(operationalSave, Task.Delay(TimeSpan.FromSeconds(15))));
        Assert.Equal(1, await operationalSave);

        await using var audited = Context(connectionString);
        audited.ClinicClosedDays.Add(new ClinicClosedDay { Date = new DateOnly(2026, 12, 25), Name = "Natal" });
        var auditedSave = audited.SaveChangesAsync();
        // It queues behind the lock: still waiting after two seconds, done once the other transaction ends.
        Assert.NotSame(auditedSave, await Task.WhenAny(auditedSave, Task.Delay(TimeSpan.FromSeconds(2))));
        await held.RollbackAsync();
        Assert.Same(auditedSave, await Task.WhenAny(auditedSave, Task.Delay(TimeSpan.FromSeconds(15))));
        await auditedSave;

        await using var check = Context(connectionString);
        var trail = await check.AuditEntries.AsNoTracking().Select(a => a.EntityType).ToListAsync();
        Assert.Equal(["ClinicClosedDay"], trail);
        Assert.Equal(1, await check.Set<DeliveryAttemptProbe>().CountAsync());
    }

    [Fact]
    public async Task A_save_mixing_operational_and_audited_rows_audits_only_the_audited_ones()
    {
        var connectionString = PostgresServer.Instance.CreateDatabase();
        await using (var db = Context(connectionString)) await db.Database.EnsureCreatedAsync();

        await using (var db = Context(connectionString))
        {
            db.Add(new DeliveryAttemptProbe { Channel = "Email" });
            db.ClinicClosedDays.Add(new ClinicClosedDay { Date = new DateOnly(2027, 1, 1), Name = "Ano novo" });
            await db.SaveChangesAsync();
            var attempt = await db.Set<DeliveryAttemptProbe>().SingleAsync();
            attempt.Channel = "Sms";
            db.Remove(attempt);
            await db.SaveChangesAsync();
        }

        await using var check = Context(connectionString);
        Assert.Equal(["ClinicClosedDay"], await check.AuditEntries.AsNoTracking().Select(a => a.EntityType).ToListAsync());
    }
}
