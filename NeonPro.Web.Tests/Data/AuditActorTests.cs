using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Data;

/// <summary>Who the audit says wrote a row, when a job, a command-line verb and a person write at the same time.</summary>
public sealed class AuditActorTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private const string ClosedDaysUrl = "/Catalog/ClosedDays";

    private async Task<long> LastSequenceAsync()
    {
        await using var db = app.NewDbContext();
        return await db.AuditEntries.MaxAsync(a => (long?)a.Sequence) ?? 0;
    }

    [Fact]
    public async Task A_job_scope_and_a_concurrent_request_each_write_rows_under_their_own_actor()
    {
        var (client, manager) = await app.SignedInClientAsync(Roles.Manager);
        var before = await LastSequenceAsync();

        using var jobScope = app.Services.CreateScope();
        jobScope.ServiceProvider.GetRequiredService<AuditActorAccessor>().ActAsSystem("teste");
        var jobDb = jobScope.ServiceProvider.GetRequiredService<NeonProDbContext>();

        // The job writes while the person's requests run: a shared (static) actor would stamp one on the other's rows.
        var job = Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                jobDb.ClinicClosedDays.Add(new ClinicClosedDay { Date = new DateOnly(2032, 3, 1 + i), Name = $"Job {i}" });
                await jobDb.SaveChangesAsync();
            }
        });
        var requests = Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                var added = await client.PostFormAsync(ClosedDaysUrl, $"{ClosedDaysUrl}?handler=Add",
                    [new("date", $"2032-04-{1 + i:00}"), new("name", $"Pessoa {i}")], htmx: true);
                Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            }
        });
        await Task.WhenAll(job, requests);

        await using var db = app.NewDbContext();
        var days = await db.ClinicClosedDays.AsNoTracking().Where(d => d.Date >= new DateOnly(2032, 1, 1) && d.Date < new DateOnly(2033, 1, 1)).ToDictionaryAsync(d => d.Id.ToString(), d => d.Name);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Sequence > before && a.EntityType == nameof(ClinicClosedDay)).ToListAsync();
        Assert.Equal(10, rows.Count);
        foreach (var row in rows)
        {
            var byJob = days[row.EntityId!].StartsWith("Job ", StringComparison.Ordinal);
            if (byJob)
            {
                Assert.Equal("Sistema: teste", row.UserName);
                Assert.Null(row.UserId);
                Assert.Equal(AuditActor.SystemRole, row.Role);
            }
            else
            {
                Assert.Equal(manager.Email, row.UserName);
                Assert.Equal(manager.Id, row.UserId);
                Assert.Equal(Roles.Manager, row.Role);
            }
        }
        Assert.Equal(5, rows.Count(r => r.UserName == "Sistema: teste"));
    }

    [Fact]
    public async Task A_command_line_verb_writes_its_rows_as_sistema_and_the_verbs_name()
    {
        var before = await LastSequenceAsync();
        var email = $"cli-{Guid.NewGuid():N}@test.neonpro.local";

        var exit = await CommandLine.RunAsync(app.Services, ["create-admin", "--email", email, "--password", NeonProFactory.TestPassword, "--name", "Admin Linha"]);

        Assert.Equal(0, exit);
        await using var db = app.NewDbContext();
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Sequence > before).ToListAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.Equal("Sistema: create-admin", r.UserName);
            Assert.Null(r.UserId);
            Assert.Equal(AuditActor.SystemRole, r.Role);
        });
        // Nothing leaks into the next scope without a request: it is not a verb's.
        Assert.Equal("system", await app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<AuditActorAccessor>().Current().UserName)));
    }
}
