using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Domain.Catalog;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Features.Catalog;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Catalog;

public sealed class CatalogDemoSeederTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private async Task<DemoSeedReport> SeedAsync(DemoSize size) => await app.WithScopeAsync(async sp =>
    {
        var report = new DemoSeedReport();
        var seeder = sp.GetServices<IDemoSeeder>().OfType<CatalogDemoSeeder>().Single();
        await seeder.SeedAsync(size, report, CancellationToken.None);
        return report;
    });

    [Fact]
    public async Task The_demo_catalog_grows_from_small_to_large_and_seeding_again_adds_nothing()
    {
        Assert.Single((await SeedAsync(DemoSize.Small)).Lines);
        Assert.Equal(15, await app.NewDbContext().Treatments.CountAsync());

        Assert.Single((await SeedAsync(DemoSize.Large)).Lines);
        Assert.Empty((await SeedAsync(DemoSize.Large)).Lines);

        var db = app.NewDbContext();
        Assert.Equal(40, await db.Treatments.CountAsync());
        Assert.Equal(6, await db.Rooms.CountAsync());
        Assert.Equal(6, await db.Equipment.CountAsync());
        var year = DateTime.UtcNow.Year; // the clinic's year, give or take New Year's Eve in UTC
        Assert.True(await db.ClinicClosedDays.CountAsync(d => d.Date.Year == year + 1 || d.Date.Year == year) >= 24);
        // The large set's appointments span about five years; its holidays do too (Christmas three years either side).
        Assert.True(await db.ClinicClosedDays.AnyAsync(d => d.Date == new DateOnly(year - 3, 12, 25)));
        Assert.True(await db.ClinicClosedDays.AnyAsync(d => d.Date == new DateOnly(year + 3, 12, 25)));
    }

}

/// <summary>Its own database: the seeding test above needs to start from an empty one.</summary>
public sealed class CatalogDemoDataTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private async Task<DemoSeedReport> SeedAsync(DemoSize size) => await app.WithScopeAsync(async sp =>
    {
        var report = new DemoSeedReport();
        var seeder = sp.GetServices<IDemoSeeder>().OfType<CatalogDemoSeeder>().Single();
        await seeder.SeedAsync(size, report, CancellationToken.None);
        return report;
    });

    [Fact]
    public async Task Demo_treatments_follow_the_domain_rules()
    {
        await SeedAsync(DemoSize.Large);
        var db = app.NewDbContext();
        var treatments = await db.Treatments.AsNoTracking().Include(t => t.RequiredEquipment).ToListAsync();
        var rooms = await db.Rooms.AsNoTracking().Include(r => r.Equipment).ToListAsync();

        Assert.All(treatments, t =>
        {
            Assert.Null(AnvisaRegistration.Problem(t.ProductType, t.AnvisaRegistration));
            Assert.InRange(t.DurationMinutes, 5, 600);
            Assert.NotEmpty(t.AllowedProfessions);
            // Aestheticians (no council) do no injectables; every treatment fits at least one room.
            if (t.Category is TreatmentCategory.Injectable or TreatmentCategory.Filler || t.ProductType != ProductType.None)
                Assert.DoesNotContain(Profession.Aesthetician, t.AllowedProfessions);
            Assert.Contains(rooms, r => t.FitsIn(r));
        });
        var toxin = treatments.First(t => t.Name.StartsWith("Toxina botulínica"));
        Assert.Equal(ProductType.Medicine, toxin.ProductType);
        Assert.StartsWith("1", toxin.AnvisaRegistration);
        var hyaluronic = treatments.First(t => t.Name.Contains("ácido hialurônico"));
        Assert.Equal(ProductType.Device, hyaluronic.ProductType);
        Assert.Equal(11, hyaluronic.AnvisaRegistration?.Length);
        Assert.DoesNotContain(Profession.Biomedic, treatments.Single(t => t.Name.Contains("PMMA")).AllowedProfessions);
        Assert.Contains(treatments, t => t.RequiredEquipment.Any(e => e.Name.StartsWith("Laser")));
    }
}
