using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Playwright;

namespace NeonPro.E2E.Infrastructure;

/// <summary>Every end-to-end test class joins this collection: one app server and one browser for the whole run.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppServer>
{
    public const string Name = "NeonPro on Kestrel";
}

/// <summary>
/// The real app, as published, as a child process on Kestrel at 127.0.0.1:&lt;free port&gt;, in the Production
/// environment, on a fresh SQLite file, with an admin made by the create-admin verb; plus Debian's Chromium driven by Playwright.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    public const string AdminEmail = "admin@e2e.neonpro.local";
    public const string AdminName = "Helena Duarte";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly StringBuilder _log = new();
    private Process? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _adminState;
    private Task<DemoClinic>? _demoClinic;

    /// <summary>Random per run, so a leaked database or screenshot never carries a usable password.</summary>
    public string AdminPassword { get; } = "E2e-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
    public Uri BaseAddress { get; private set; } = null!;
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "neonpro-e2e", Guid.NewGuid().ToString("N"));
    /// <summary>NeonPro.Web as published by this project's build (see PublishAppUnderTest in the .csproj).</summary>
    public static string AppFolder { get; } = Path.Combine(AppContext.BaseDirectory, "app");
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not running.");

    /// <summary>What the server has written to stdout/stderr so far (tests print it when they fail).</summary>
    public string ServerLog
    {
        get { lock (_log) return _log.ToString(); }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataFolder);
        Directory.CreateDirectory(ScreenshotFolder);
        // The folder shows this run only: a FAILED-*.png left from an earlier run would mislead.
        foreach (var stale in Directory.EnumerateFiles(ScreenshotFolder, "*.png")) File.Delete(stale);
        // A test host that dies without disposing must not leave a server holding the port and the temp folder.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopServer();

        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");

        var createAdmin = await RunVerbAsync("create-admin", "--email", AdminEmail, "--password", AdminPassword, "--name", AdminName);
        if (createAdmin.ExitCode != 0)
            throw new InvalidOperationException($"create-admin exited with {createAdmin.ExitCode}:\n{createAdmin.Output}");

        _server = Start(AppArguments("--urls", BaseAddress.ToString().TrimEnd('/')), _log);
        await WaitForHealthAsync();
        await WarmUpAsync();

        // Two cores shared by the server, Chromium and the test host: give the first render of a page some room.
        Assertions.SetDefaultExpectTimeout(10_000);
        // Playwright's own browser download cannot run here (no internet); Debian's chromium package can.
        var chromium = Environment.GetEnvironmentVariable("NEONPRO_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new FileNotFoundException($"No Chromium at {chromium}: apt-get install -y chromium (.ci/run does), or set NEONPRO_CHROMIUM.", chromium);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // Without the background-networking switches Chromium stalls trying to reach Google on a closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        StopServer();
        try
        {
            File.WriteAllText(Path.Combine(ScreenshotFolder, "server.log"), ServerLog);
        }
        catch (IOException) { /* the log is a convenience; never fail the run over it */ }
        for (var attempt = 0; attempt < 5 && Directory.Exists(DataFolder); attempt++)
        {
            try { Directory.Delete(DataFolder, recursive: true); }
            catch (IOException) { await Task.Delay(200); } // SQLite's files can outlive the process by a moment
        }
    }

    /// <summary>A fresh browser context (no cookies) as a person at a Brazilian clinic's desk would have it.</summary>
    public async Task<IPage> NewPageAsync(string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "pt-BR",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            StorageState = storageState,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the login page as a person would; the caller asserts where that leads.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Senha", new() { Exact = true }).FillAsync(password);
        // Waits for the server's answer to the sign-in post itself, then for the page it leads to. The first sign-in of
        // a run is also the server's first (Identity, the home page's first render) on two busy cores: give it room.
        var answered = page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.Contains("/Identity/Account/Login"),
            new() { Timeout = SignInTimeoutMs });
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrar", Exact = true }).ClickAsync();
        var response = await answered;
        // A redirect (signed in, or on to the second factor) is waited for by its address: waiting for a load state right
        // after the answer can miss the next document's event and hang (one CI run timed out that way on a loaded page).
        if (response.Headers.TryGetValue("location", out var location))
            await page.WaitForURLAsync(new Uri(new Uri(response.Url), location).ToString(),
                new() { Timeout = SignInTimeoutMs, WaitUntil = WaitUntilState.DOMContentLoaded });
        else
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new() { Timeout = SignInTimeoutMs });
    }

    private const float SignInTimeoutMs = 45_000;

    /// <summary>
    /// A page already signed in as the admin. The sign-in itself runs once through the UI; later contexts reuse its
    /// cookies, which keeps the run short and keeps the per-address sign-in limiter out of the way.
    /// </summary>
    public async Task<IPage> NewAdminPageAsync()
    {
        if (_adminState is null)
        {
            var page = await NewPageAsync();
            try
            {
                await SignInAsync(page, AdminEmail, AdminPassword);
                await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Identity/Account/Login"));
            }
            catch (Exception) when (!page.IsClosed)
            {
                // This page belongs to no test, so no test's failure handler photographs it: do it here.
                try { await ScreenshotAsync(page, "FAILED-admin-sign-in"); } catch (PlaywrightException) { }
                throw;
            }
            _adminState = await page.Context.StorageStateAsync();
            await page.Context.CloseAsync();
        }
        return await NewPageAsync(_adminState);
    }

    /// <summary>A full-page PNG under the test output's screenshots folder; returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotFolder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>
    /// The demo clinic (seed-demo's professionals, catalog, patients, appointments and demo accounts), seeded on first
    /// use and shared by every test after it: seeding is idempotent but prints the accounts' passwords only once.
    /// Tests that need an empty clinic make their own data through the screens instead.
    /// </summary>
    public Task<DemoClinic> DemoClinicAsync() => LazyInitializer.EnsureInitialized(ref _demoClinic, () => DemoClinic.SeedAsync(this));

    /// <summary>Runs a command-line verb of the app (create-admin, seed-demo) against this server's database.</summary>
    public async Task<(int ExitCode, string Output)> RunVerbAsync(params string[] verbAndOptions)
    {
        var output = new StringBuilder();
        using var process = Start(AppArguments(verbAndOptions), output);
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{verbAndOptions[0]} did not finish in {StartTimeout.TotalSeconds} s:\n{output}");
        }
        process.WaitForExit(); // flushes the redirected output
        lock (output) return (process.ExitCode, output.ToString());
    }

    private static string[] AppArguments(params string[] args)
    {
        var dll = Path.Combine(AppFolder, "NeonPro.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"No published app at {AppFolder}: build NeonPro.E2E (it publishes NeonPro.Web there).", dll);
        // The content root is the publish folder, as on a clinic's server: appsettings.json and wwwroot (with its
        // precompressed files) come from there.
        return [dll, .. args, "--contentRoot", AppFolder];
    }

    private Process Start(string[] arguments, StringBuilder sink)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = AppFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        // The production pipeline is what a clinic runs. Kestrel listens on http only, so HTTPS redirection finds no
        // https port and lets requests through (it logs one warning).
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["NeonPro__DataFolder"] = DataFolder;
        info.Environment["ConnectionStrings__NeonPro"] = $"Data Source={Path.Combine(DataFolder, "neonpro.db")}";
        info.Environment["Database__Provider"] = "Sqlite";
        // Every browser here signs in from 127.0.0.1, so the per-address limiter (10 per minute) would trip across
        // tests; the per-account lockout, which a test does check, is unaffected.
        info.Environment["Security__SignInAttemptsPerMinutePerIp"] = "1000";
        // Only --urls decides where it listens; an inherited https port would also turn on HTTPS redirection.
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "ASPNETCORE_HTTPS_PORT", "HTTPS_PORT" })
            info.Environment.Remove(inherited);

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        void Append(string? line)
        {
            if (line is null) return;
            lock (sink) sink.AppendLine(line);
        }
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitForHealthAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_server!.HasExited)
                throw new InvalidOperationException($"The app exited with {_server.ExitCode} before answering /health:\n{ServerLog}");
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* started but slow to answer */ }
            await Task.Delay(250);
        }
        StopServer();
        throw new TimeoutException($"/health did not answer 200 within {StartTimeout.TotalSeconds} s:\n{ServerLog}");
    }

    /// <summary>
    /// The sign-in page's first render (Razor, localization, antiforgery keys) happens here rather than inside the
    /// first test's time limits; a clinic's server is warm after its first visitor too.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = StartTimeout };
        using var response = await http.GetAsync("/Identity/Account/Login");
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"The sign-in page answered {(int)response.StatusCode} while warming up:\n{ServerLog}");
    }

    private void StopServer()
    {
        var server = _server;
        if (server is null) return;
        try
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException) { /* already gone */ }
    }

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The dotnet host running these tests (the SDK tells child processes where it is).</summary>
    internal static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
