using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Features.Catalog;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Catalog;

/// <summary>The catalog screens on the large demo catalog: they render, carry no inline script, and label every field.</summary>
public sealed class CatalogPagesTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private async Task SeedAsync() => await app.WithScopeAsync(async sp =>
        await sp.GetServices<IDemoSeeder>().OfType<CatalogDemoSeeder>().Single().SeedAsync(DemoSize.Large, new DemoSeedReport(), CancellationToken.None));

    [Fact]
    public async Task Catalog_pages_label_every_field_and_have_no_inline_script()
    {
        await SeedAsync();
        var (client, _) = await app.SignedInClientAsync(Roles.Admin);
        var treatment = await app.NewDbContext().Treatments.Where(t => t.Name.StartsWith("Toxina botulínica")).Select(t => t.Id).FirstAsync();
        var room = await app.NewDbContext().Rooms.Select(r => r.Id).FirstAsync();

        foreach (var url in new[]
                 {
                     "/Catalog/Treatments", "/Catalog/Treatments?status=All", "/Catalog/Treatments/Edit", $"/Catalog/Treatments/Edit/{treatment}",
                     "/Catalog/Rooms", $"/Catalog/Rooms?handler=Room&id={room}&edit=true", "/Catalog/ClosedDays",
                 })
        {
            var doc = await client.GetDocumentAsync(url);
            foreach (var script in doc.QuerySelectorAll("script"))
                Assert.False(string.IsNullOrEmpty(script.GetAttribute("src")), $"{url} has an inline <script>");
            Assert.DoesNotContain(doc.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            foreach (var field in doc.QuerySelectorAll("input:not([type=hidden]), select, textarea"))
            {
                var id = field.GetAttribute("id");
                var labelled = field.HasAttribute("aria-label")
                               || (id is not null && doc.QuerySelector($"label[for='{id}']") is not null);
                Assert.True(labelled, $"{url}: field {field.GetAttribute("name")} (id {id}) has no label");
            }
            var ids = doc.All.Select(e => e.Id).Where(i => !string.IsNullOrEmpty(i)).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }

        var list = await client.GetDocumentAsync("/Catalog/Treatments");
        Assert.Equal(40, list.QuerySelectorAll("#treatment-list tbody tr").Length);
        var rooms = await client.GetDocumentAsync("/Catalog/Rooms");
        Assert.Equal(6, rooms.QuerySelectorAll("#rooms article").Length);
    }
}
