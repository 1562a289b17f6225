using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using NeonPro.E2E.Infrastructure;

namespace NeonPro.E2E;

/// <summary>
/// The app started exactly as the README tells a clinic to start it (`dotnet run --project NeonPro.Web`, launch
/// profile and all): it must serve the clinic in Production, with the app's own error page, never Development's
/// exception page with stack traces and source paths. No browser: what matters here is what the server answers.
/// </summary>
public sealed partial class ReadmeRunTests : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "neonpro-readme-run", Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _log = new();
    private Process? _server;
    private Uri _base = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataFolder);
        _base = new Uri($"http://127.0.0.1:{AppServer.FreePort()}");
        // The README's command, with --no-build (this run's build made the output) and the two settings a test must
        // change: where it listens and where its data lives. Everything else comes from the launch profile.
        var info = new ProcessStartInfo(AppServer.DotnetHost())
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "run", "--no-build", "--project", "NeonPro.Web", "--", "--urls", _base.ToString().TrimEnd('/'),
                     $"--NeonPro:DataFolder={_dataFolder}", $"--ConnectionStrings:NeonPro=Data Source={Path.Combine(_dataFolder, "neonpro.db")}" })
            info.ArgumentList.Add(a);
        // A clinic's shell has none of these; the test host's environment must not decide the outcome either.
        foreach (var inherited in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS" })
            info.Environment.Remove(inherited);

        _server = new Process { StartInfo = info };
        _server.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _server.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _server.Start();
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = _base, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_server.HasExited) throw new InvalidOperationException($"dotnet run exited with {_server.ExitCode}:\n{Log}");
            try
            {
                using var health = await http.GetAsync("/health");
                if (health.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"/health did not answer within 120 s:\n{Log}");
    }

    private string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    [Fact]
    public async Task The_readme_run_command_serves_production_with_the_apps_error_page()
    {
        // The host says which environment it runs in when it starts (a JSON log line outside Development).
        Assert.Matches(HostingEnvironment(), Log);
        Assert.DoesNotMatch("Hosting environment: Development", Log);

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = _base };
        // Styles and script are served from the build output too, compressed or not (a browser always accepts gzip).
        var css = new HttpRequestMessage(HttpMethod.Get, "/dist/app.css");
        css.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using (var cssAnswer = await http.SendAsync(css))
        {
            Assert.Equal(HttpStatusCode.OK, cssAnswer.StatusCode);
            Assert.True((await cssAnswer.Content.ReadAsByteArrayAsync()).Length > 1000, "app.css is served with its content");
        }

        var login = await http.GetStringAsync("/Identity/Account/Login");
        var token = AntiforgeryToken().Match(login).Groups[1].Value;
        Assert.NotEmpty(token);

        // A real unhandled error: the staff table disappears under the running app (as a botched restore would do),
        // and the next sign-in reads it.
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(_dataFolder, "neonpro.db")};Pooling=False"))
        {
            await db.OpenAsync();
            await using var drop = db.CreateCommand();
            drop.CommandText = "PRAGMA foreign_keys = OFF; DROP TABLE AspNetUsers;";
            await drop.ExecuteNonQueryAsync();
        }
        using var answer = await http.PostAsync("/Identity/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "ninguem@clinica.com.br",
            ["Input.Password"] = "uma senha qualquer de teste",
            ["__RequestVerificationToken"] = token,
        }));
        var body = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
        Assert.Contains("Algo deu errado", body);
        // Development's exception page names the exception, the stack and the source files; the app's page none of them.
        Assert.DoesNotContain("SqliteException", body);
        Assert.DoesNotContain("no such table", body);
        Assert.DoesNotContain("NeonPro.Web.", body);
        Assert.DoesNotContain(".cs:line", body);
    }

    public Task DisposeAsync()
    {
        try
        {
            if (_server is { HasExited: false })
            {
                _server.Kill(entireProcessTree: true);
                _server.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException) { }
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    // The JSON log line of Microsoft.Hosting.Lifetime: "Hosting environment: {EnvName}" with EnvName in its state.
    [GeneratedRegex("\"EnvName\":\"Production\"")]
    private static partial Regex HostingEnvironment();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NeonPro.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("NeonPro.sln not found above " + AppContext.BaseDirectory);
    }
}
