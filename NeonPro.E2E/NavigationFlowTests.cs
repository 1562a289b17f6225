using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NeonPro.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NeonPro.E2E;

/// <summary>
/// On the demo clinic, each role at 1280 px: the navigation on one line (bounding boxes), a screenshot of it and of the
/// role's home page; and a keyboard-only walk through the admin's navigation.
/// </summary>
public sealed class NavigationFlowTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private async Task<IPage> SignedInAsAsync(string role)
    {
        IPage page;
        if (role == "admin") page = await NewAdminPageAsync();
        else
        {
            var demo = await App.DemoClinicAsync();
            var email = role switch
            {
                "receptionist" => DemoClinic.ReceptionistEmail,
                "professional" => DemoClinic.ProfessionalEmail,
                _ => DemoClinic.ManagerEmail,
            };
            page = await SignedInAsync(email, demo.PasswordOf(email));
        }
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/");
        return page;
    }

    /// <summary>The boxes of the bar's parts: the brand, every entry, the patient search and the user menu.</summary>
    private static async Task<(string Name, LocatorBoundingBoxResult Box)[]> BarPartsAsync(IPage page)
    {
        var nav = Navigation(page);
        var parts = new List<(string, LocatorBoundingBoxResult)>();
        foreach (var locator in new[]
        {
            nav.Locator(".navbar-brand"), nav.Locator("[data-nav-bar] > li"), nav.GetByRole(AriaRole.Searchbox),
            nav.GetByTestId("signed-in-user"),
        })
        {
            foreach (var part in await locator.AllAsync())
                parts.Add(((await part.InnerTextAsync()).Trim(), await part.BoundingBoxAsync() ?? throw new InvalidOperationException("a part of the bar is not shown")));
        }
        return [.. parts];
    }

    [Theory]
    [InlineData("receptionist", "Chegadas de hoje")]
    [InlineData("professional", "Meus próximos pacientes")]
    [InlineData("manager", "Precisa de atenção")]
    [InlineData("admin", "Precisa de atenção")]
    public async Task Each_roles_navigation_fits_one_line_at_1280_px_and_its_home_page_shows_its_day(string role, string section) => await ScenarioAsync(async () =>
    {
        var page = await SignedInAsAsync(role);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = section, Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Abrir menu" })).ToBeHiddenAsync(); // not collapsed at 1280 px

        var parts = await BarPartsAsync(page);
        Assert.True(parts.Length >= 5, $"expected the brand, entries, search and user menu; found {parts.Length}");
        var brand = parts[0].Box;
        foreach (var (name, box) in parts)
        {
            // One line: every part sits on the brand's row and inside the 1280 px window.
            Assert.True(Math.Abs(box.Y + box.Height / 2 - (brand.Y + brand.Height / 2)) < 8, $"\"{name}\" is not on the bar's line (y={box.Y}, brand y={brand.Y})");
            Assert.True(box.X + box.Width <= 1280, $"\"{name}\" ends at {box.X + box.Width} px, past 1280");
            Assert.True(box.Height < 50, $"\"{name}\" wraps ({box.Height} px high)");
        }
        var navBox = await Navigation(page).BoundingBoxAsync();
        Assert.True(navBox!.Height < 80, $"the bar is {navBox.Height} px high");

        await Navigation(page).ScreenshotAsync(new() { Path = Path.Combine(AppServer.ScreenshotFolder, $"50-navigation-1280-{role}.png") });
        await AppServer.ScreenshotAsync(page, $"51-home-{role}");
    });

    /// <summary>The element that has the keyboard focus, as "tag:text".</summary>
    private static Task<string> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? e.tagName.toLowerCase() + ':' + e.textContent.trim() : ''; }");

    [Fact]
    public async Task The_navigation_works_by_keyboard_alone() => await ScenarioAsync(async () =>
    {
        var page = await SignedInAsAsync("admin");
        var clinic = Navigation(page).GetByRole(AriaRole.Button, new() { Name = "Clínica", Exact = true });
        var clinicLinks = Navigation(page).Locator("#" + await clinic.GetAttributeAsync("aria-controls"));

        // Tab from the top of the page to the Clínica menu.
        await page.Locator("body").FocusAsync();
        var tabs = 0;
        while (await FocusedAsync(page) != "button:Clínica")
        {
            Assert.True(++tabs <= 30, $"30 Tabs did not reach the Clínica menu; focus is on {await FocusedAsync(page)}");
            await page.Keyboard.PressAsync("Tab");
        }
        await Expect(clinic).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(clinicLinks).ToBeHiddenAsync();

        // Enter opens it; focus stays on the button.
        await page.Keyboard.PressAsync("Enter");
        await Expect(clinic).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(clinicLinks).ToBeVisibleAsync();
        Assert.Equal("button:Clínica", await FocusedAsync(page));

        // The arrows move through its links, wrapping around.
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("a:Profissionais", await FocusedAsync(page));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("a:Tratamentos", await FocusedAsync(page));
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal("a:Profissionais", await FocusedAsync(page));
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal("a:Configurações da agenda", await FocusedAsync(page));
        await AppServer.ScreenshotAsync(page, "52-navigation-keyboard-clinic-open");

        // Escape closes it and gives the focus back to its button.
        await page.Keyboard.PressAsync("Escape");
        await Expect(clinic).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(clinicLinks).ToBeHiddenAsync();
        Assert.Equal("button:Clínica", await FocusedAsync(page));

        // Tab moves on to the next menu; Space opens that one.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("button:Gestão", await FocusedAsync(page));
        await page.Keyboard.PressAsync(" ");
        var management = Navigation(page).GetByRole(AriaRole.Button, new() { Name = "Gestão", Exact = true });
        await Expect(management).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("a:Auditoria", await FocusedAsync(page));

        // Enter follows the link.
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/Compliance/Audit$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Auditoria", Level = 1 })).ToBeVisibleAsync();
    });

    [Fact]
    public async Task Narrower_than_1280_px_the_navigation_collapses_behind_a_button_and_its_menus_still_open() => await ScenarioAsync(async () =>
    {
        var page = await SignedInAsAsync("admin");
        await page.SetViewportSizeAsync(1024, 900);
        var toggler = page.GetByRole(AriaRole.Button, new() { Name = "Abrir menu" });
        await Expect(toggler).ToBeVisibleAsync();
        await Expect(Navigation(page).GetByRole(AriaRole.Button, new() { Name = "Gestão", Exact = true })).ToBeHiddenAsync();
        await toggler.ClickAsync();
        await FollowNavigationAsync(page, "Gestão", "Solicitações LGPD");
        await Expect(page).ToHaveURLAsync(new Regex("/Compliance/DataSubjectRequests$"));
    });
}
