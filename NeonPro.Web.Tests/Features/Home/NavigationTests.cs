using System.Net;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Navigation;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Home;

/// <summary>
/// The main navigation shows each role exactly the pages that role may open (the pages' own authorization decides),
/// grouped into disclosure buttons, in Portuguese and English.
/// </summary>
public sealed class NavigationTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    /// <summary>Every page a person reaches from the bar today, listed here by hand so the test does not ask the menu.</summary>
    private static readonly string[] AppPages =
    [
        "/", "/Scheduling", "/Scheduling/MyAgenda", "/Scheduling/Settings", "/Patients", "/Professionals", "/Catalog/Treatments",
        "/Catalog/Rooms", "/Catalog/ClosedDays", "/Compliance/Audit", "/Compliance/DataSubjectRequests", "/Admin/Users",
        "/Admin/Settings", "/Admin/Jobs",
    ];

    private static IEnumerable<string> NavigationLinks(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        doc.QuerySelectorAll("nav[aria-label='Navegação principal'] #main-nav > ul a[href]").Select(a => a.GetAttribute("href")!);

    [Theory]
    [InlineData(Roles.Receptionist)]
    [InlineData(Roles.Professional)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Admin)]
    public async Task The_navigation_links_exactly_the_pages_the_role_may_open(string role)
    {
        var (client, _) = await app.SignedInClientAsync(role);
        var opens = new List<string>();
        foreach (var page in AppPages)
        {
            var response = await client.GetAsync(page);
            if (response.StatusCode == HttpStatusCode.OK) opens.Add(page);
            else Assert.Contains("AccessDenied", response.Headers.Location?.ToString() ?? "");
        }
        var linked = NavigationLinks(await client.GetDocumentAsync("/")).ToList();
        Assert.Equal(linked.Distinct().Count(), linked.Count);
        Assert.Equal(opens.Order(StringComparer.Ordinal), linked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_receptionist_has_no_clinic_management_or_administration_menu()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        var doc = await client.GetDocumentAsync("/");
        Assert.Empty(doc.QuerySelectorAll("nav [data-nav-group]"));
        Assert.Equal(["/", "/Scheduling", "/Patients"], NavigationLinks(doc));
    }

    [Fact]
    public async Task The_admins_areas_are_grouped_under_disclosure_buttons_that_control_a_hidden_list_of_links()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Admin);
        var doc = await client.GetDocumentAsync("/Admin/Users");
        var buttons = doc.QuerySelectorAll("nav[aria-label='Navegação principal'] button[aria-controls]")
            .Where(b => b.ClassList.Contains("nav-group-toggle")).ToList();
        Assert.Equal(["Clínica", "Gestão", "Administração"], buttons.Select(b => b.TextContent.Trim()));
        foreach (var button in buttons)
        {
            Assert.Equal("button", button.GetAttribute("type"));
            Assert.Equal("false", button.GetAttribute("aria-expanded"));
            var list = doc.GetElementById(button.GetAttribute("aria-controls")!);
            Assert.NotNull(list);
            Assert.True(list.HasAttribute("hidden"));
            Assert.NotEmpty(list.QuerySelectorAll("a[href]"));
        }
        // The group of the current page is marked, and the page itself is the current link.
        var admin = buttons.Single(b => b.TextContent.Trim() == "Administração");
        Assert.Contains("active", admin.ClassList);
        Assert.Equal("page", doc.QuerySelector("nav a[href='/Admin/Users']")!.GetAttribute("aria-current"));
        // The user menu stays in the bar.
        Assert.NotNull(doc.QuerySelector("nav [data-testid='signed-in-user']"));
    }

    [Fact]
    public async Task The_navigation_reads_in_english_for_a_user_who_chose_english()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/", "/account/culture", [new("culture", "en"), new("returnUrl", "/")])).StatusCode);
        var doc = await client.GetDocumentAsync("/");
        var nav = doc.QuerySelector("nav #main-nav")!.TextContent;
        foreach (var text in new[] { "Management", "Administration", "LGPD requests", "Schedule settings", "Clinic settings" })
            Assert.Contains(text, nav);
    }

    [Fact]
    public void Every_menu_label_has_an_english_translation()
    {
        var english = LocalizationTests.EnglishResources();
        var labels = MainMenu.All.SelectMany(e => e.Links.Select(l => l.Label).Prepend(e.Label)).Distinct();
        Assert.All(labels, label => Assert.True(english.ContainsKey(label), $"\"{label}\" has no English translation"));
    }
}
