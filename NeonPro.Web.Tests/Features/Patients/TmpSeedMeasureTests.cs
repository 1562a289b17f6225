using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Features.Patients;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NeonPro.Web.Tests.Features.Patients;

public sealed class TmpSeedMeasureTests(NeonProFactory app, ITestOutputHelper output) : IClassFixture<NeonProFactory>
{
    [Fact]
    public async Task Measure()
    {
        var gen = new DemoPatientGenerator(DateOnly.FromDateTime(DateTime.UtcNow), DateTime.UtcNow);
        var proc = Process.GetCurrentProcess();
        async Task Run(string label, Func<IServiceProvider, NeonProDbContext> make, int n)
        {
            var cpu0 = proc.TotalProcessorTime; var w = Stopwatch.StartNew();
            await app.WithScopeAsync(async sp =>
            {
                var db = make(sp);
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                for (var b = 0; b < n / 2000; b++)
                {
                    await using var tx = await db.Database.BeginTransactionAsync();
                    for (var i = 0; i < 2000; i++) db.Patients.Add(gen.Next());
                    await db.SaveChangesAsync();
                    await tx.CommitAsync();
                    db.ChangeTracker.Clear();
                }
            });
            proc.Refresh();
            output.WriteLine($"{label}: {n} patients wall {w.Elapsed.TotalSeconds:F1} s cpu {(proc.TotalProcessorTime - cpu0).TotalSeconds:F1} s");
        }
        await Run("generation only", sp => null!, 0);
        var cpuGen0 = proc.TotalProcessorTime; var wg = Stopwatch.StartNew();
        for (var i = 0; i < 10000; i++) gen.Next();
        proc.Refresh();
        output.WriteLine($"generation: 10000 wall {wg.Elapsed.TotalSeconds:F1} s cpu {(proc.TotalProcessorTime - cpuGen0).TotalSeconds:F1} s");
        await Run("unaudited", sp => DemoDatabase.CreateUnaudited(sp), 10000);
        await Run("audited", sp => sp.GetRequiredService<NeonProDbContext>(), 10000);
        var audit = await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().AuditEntries.CountAsync());
        output.WriteLine($"audit rows {audit}");
    }
}
