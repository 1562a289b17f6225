using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NeonPro.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NeonPro.E2E;

/// <summary>What a browser sees of the app's defences: the Content-Security-Policy, and pages that live within it.</summary>
public sealed class SecurityHeadersTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task Login_page_forbids_inline_script_and_the_admin_pages_raise_no_CSP_violations() => await ScenarioAsync(async () =>
    {
        var page = await NewPageAsync();
        var consoleErrors = new List<string>();
        var pageErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (consoleErrors) consoleErrors.Add(message.Text);
        };
        page.PageError += (_, error) => { lock (pageErrors) pageErrors.Add(error); };

        var response = await page.GotoAsync("/Identity/Account/Login");

        var policy = await response!.HeaderValueAsync("content-security-policy");
        Assert.False(string.IsNullOrEmpty(policy), "the login page has no Content-Security-Policy header");
        var scriptSources = Directive(policy!, "script-src") ?? Directive(policy!, "default-src");
        Assert.NotNull(scriptSources);
        Assert.DoesNotContain("'unsafe-inline'", scriptSources);
        Assert.DoesNotContain("'unsafe-eval'", scriptSources);
        Assert.Equal("'none'", Directive(policy!, "frame-ancestors"));

        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(AppServer.AdminEmail);
        await page.GetByLabel("Senha", new() { Exact = true }).FillAsync(App.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrar", Exact = true }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/Identity/Account/Login"));
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "neonpro.auth");
        Assert.True(cookie.HttpOnly, "the sign-in cookie is readable from script");
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);

        await page.GotoAsync("/Admin/Users");
        await Expect(AdminUi.NewUserControl(page)).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.DoesNotContain(Snapshot(consoleErrors), IsCspViolation);
        Assert.Empty(Snapshot(pageErrors));

        // The listener above would notice a violation: an injected inline script is refused and reported.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__injected = true'; document.head.append(s); }");
        Assert.False(await page.EvaluateAsync<bool>("() => window.__injected === true"), "an inline script ran");
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!Snapshot(consoleErrors).Any(IsCspViolation) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Contains(Snapshot(consoleErrors), IsCspViolation);
    });

    private static string? Directive(string policy, string name) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => d.Equals(name, StringComparison.OrdinalIgnoreCase) || d.StartsWith(name + " ", StringComparison.OrdinalIgnoreCase))
            ?[name.Length..].Trim();

    private static bool IsCspViolation(string message) => message.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase);

    private static List<string> Snapshot(List<string> messages)
    {
        lock (messages) return [.. messages];
    }
}
