using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Features.Admin;
using NeonPro.Web.Features.Professionals;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Professionals;

/// <summary>The demo professionals: every council, valid registrations, an amber and a red badge, idempotent.</summary>
public sealed class ProfessionalsDemoSeederTests
{
    private static async Task SeedAsync(NeonProFactory app, DemoSize size) =>
        await app.WithScopeAsync(async sp =>
        {
            var report = new DemoSeedReport();
            foreach (var seeder in sp.GetServices<IDemoSeeder>().Where(s => s is ClinicDemoSeeder or ProfessionalsDemoSeeder).OrderBy(s => s.Order))
                await seeder.SeedAsync(size, report, CancellationToken.None);
        });

    [Fact]
    public async Task The_small_set_covers_every_council_with_valid_registrations_and_runs_once()
    {
        using var app = new NeonProFactory();
        await SeedAsync(app, DemoSize.Small);
        await SeedAsync(app, DemoSize.Small);

        await using var db = app.NewDbContext();
        var all = await db.Professionals.AsNoTracking().Include(p => p.WorkingHours).ToListAsync();
        Assert.Equal(6, all.Count);
        Assert.Equal(
            new[] { Council.Crm, Council.Coren, Council.Crbm, Council.Crf, Council.Cro, Council.Crefito }.OrderBy(c => c),
            all.Select(p => p.Council).Distinct().OrderBy(c => c));
        Assert.All(all, p => Assert.Empty(Councils.Validate(p.Profession, p.Registration)));
        Assert.All(all, p => Assert.Contains(p.WorkingHours, h => h.Day == DayOfWeek.Monday && h.Start == new TimeOnly(9, 0)));

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, NeonPro.Web.Infrastructure.Time.ClinicClock.FindZone(null)));
        Assert.Contains(all, p => p.StandingOn(today) == CredentialStanding.LapsingSoon);
        Assert.Contains(all, p => p.StandingOn(today) == CredentialStanding.Suspended);

        var demoAccount = await db.Users.SingleAsync(u => u.Email == ProfessionalsDemoSeeder.DemoProfessionalEmail);
        Assert.Equal(Profession.Physician, all.Single(p => p.UserId == demoAccount.Id).Profession);
    }

    [Fact]
    public async Task The_large_set_has_twelve_professionals_including_aestheticians_and_a_supervised_technician()
    {
        using var app = new NeonProFactory();
        await SeedAsync(app, DemoSize.Large);

        await using var db = app.NewDbContext();
        var all = await db.Professionals.AsNoTracking().ToListAsync();
        Assert.Equal(12, all.Count);
        Assert.Contains(all, p => p.Profession == Profession.Aesthetician && p.Council == Council.None);
        var technician = Assert.Single(all, p => p.RequiresSupervision);
        Assert.NotNull(technician.SupervisorId);
        Assert.NotEqual(technician.Id, technician.SupervisorId);
    }
}
