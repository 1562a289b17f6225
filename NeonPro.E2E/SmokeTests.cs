using System.Net;
using Microsoft.Playwright;
using NeonPro.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NeonPro.E2E;

/// <summary>The app as deployed answers: health, its front-end bundle, and a Portuguese sign-in page that runs its script.</summary>
public sealed class SmokeTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task Health_answers_200()
    {
        using var http = new HttpClient { BaseAddress = App.BaseAddress };
        using var response = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/dist/app.js", "javascript")]
    [InlineData("/dist/app.css", "text/css")]
    public async Task Front_end_bundle_is_served_to_anonymous_visitors(string path, string contentType)
    {
        // Browsers ask for compressed files; the compressed variants must be servable too, not just the plain ones.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All })
            { BaseAddress = App.BaseAddress };
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(contentType, response.Content.Headers.ContentType?.MediaType ?? "");
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000, "the bundle is suspiciously small");
    }

    [Fact]
    public async Task Login_page_loads_in_Portuguese_with_its_script_running() => await ScenarioAsync(async () =>
    {
        var page = await NewPageAsync();
        var response = await page.GotoAsync("/Identity/Account/Login");

        Assert.Equal(200, response!.Status);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "pt-BR");
        await Expect(page.GetByLabel("E-mail", new() { Exact = true })).ToBeVisibleAsync();
        // app.js came from /dist under the CSP and ran: it puts htmx on window.
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.htmx === 'object' && typeof window.bootstrap === 'object'"));
        await AppServer.ScreenshotAsync(page, "00-login-page");
    });
}
