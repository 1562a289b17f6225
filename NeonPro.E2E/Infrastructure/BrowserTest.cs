using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace NeonPro.E2E.Infrastructure;

/// <summary>
/// A test class of the end-to-end collection: opens browser contexts on the shared app server, closes them after each
/// test, and when a scenario fails leaves a screenshot of every open page and prints the end of the server's log.
/// </summary>
[Collection(AppCollection.Name)]
public abstract class BrowserTest(AppServer app, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    protected AppServer App => app;

    protected async Task<IPage> NewPageAsync()
    {
        var page = await app.NewPageAsync();
        _contexts.Add(page.Context);
        return page;
    }

    /// <summary>A new browser context signed in through the real sign-in page as the given account.</summary>
    protected async Task<IPage> SignedInAsync(string email, string password)
    {
        var page = await NewPageAsync();
        await AppServer.SignInAsync(page, email, password);
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Identity/Account/Login"));
        return page;
    }

    /// <summary>The app's main navigation bar, found by its accessible name.</summary>
    protected static ILocator Navigation(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Navegação principal" });

    /// <summary>Opens a group of the navigation (Clínica, Gestão, Administração) and follows one of its links, as a person clicks.</summary>
    protected static async Task FollowNavigationAsync(IPage page, string group, string link)
    {
        await Navigation(page).GetByRole(AriaRole.Button, new() { Name = group, Exact = true }).ClickAsync();
        await Navigation(page).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
    }

    protected async Task<IPage> NewAdminPageAsync()
    {
        var page = await app.NewAdminPageAsync();
        _contexts.Add(page.Context);
        return page;
    }

    protected async Task ScenarioAsync(Func<Task> steps, [CallerMemberName] string test = "")
    {
        try
        {
            await steps();
        }
        catch
        {
            var n = 0;
            foreach (var page in _contexts.SelectMany(c => c.Pages).Where(p => !p.IsClosed))
            {
                try
                {
                    var path = await AppServer.ScreenshotAsync(page, $"FAILED-{test}-{++n}");
                    output.WriteLine($"{page.Url} -> {path}");
                }
                catch (PlaywrightException) { /* a crashed page cannot be photographed; the log below still helps */ }
            }
            var log = app.ServerLog.Split('\n');
            output.WriteLine("--- server log (last 80 lines) ---");
            output.WriteLine(string.Join('\n', log.TakeLast(80)));
            throw;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
    }
}
