using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Features.Admin;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Tests.Infrastructure;

/// <summary>
/// The whole app on a real SQLite file of its own (one per test class, through IClassFixture).
/// Tests arrange data through the app's own services and drive it through real HTTP requests.
/// </summary>
public class NeonProFactory : WebApplicationFactory<Program>
{
    public NeonProFactory() : this(NewDataFolder()) { }

    /// <summary>The app on an existing data folder: the same install started again, a restored copy, a database
    /// without its key. Not public: a class fixture may have one public constructor only.</summary>
    protected internal NeonProFactory(string dataFolder) => DataFolder = dataFolder;

    /// <summary>The app on a data folder prepared beforehand (a restored copy, a database without its key).</summary>
    public static NeonProFactory OnDataFolder(string dataFolder) => new(dataFolder);

    public static string NewDataFolder() => Path.Combine(Path.GetTempPath(), "neonpro-tests", Guid.NewGuid().ToString("N"));

    public string DataFolder { get; }

    /// <summary>Leave the data folder when disposed, for another factory to start the same install again.</summary>
    public bool KeepDataFolder { get; init; }
    public string DatabasePath => Path.Combine(DataFolder, "neonpro.db");

    /// <summary>Extra configuration a test class needs (e.g. a lower sign-in rate limit).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataFolder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("NeonPro:DataFolder", DataFolder);
        builder.UseSetting("ConnectionStrings:NeonPro", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Security:SignInAttemptsPerMinutePerIp", "10000");
        // Each class starts an app: its start-up lines (listening, key ring, consent terms) would bury a failure in the
        // log. Warnings of the app and of EF Core still show.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        foreach (var (k, v) in Settings) builder.UseSetting(k, v);
    }

    /// <summary>
    /// The app's clock: the system's, or the FakeTimeProvider of a <see cref="FakeClockFactory"/>. Tests arrange and
    /// assert against what the app reads ("hoje", deadlines, validity), never against DateTime.UtcNow beside it.
    /// </summary>
    public TimeProvider Time => Services.GetRequiredService<TimeProvider>();
    public DateTime UtcNow => Time.GetUtcNow().UtcDateTime;
    /// <summary>Now in the clinic's default zone (São Paulo), as the app shows it.</summary>
    public DateTime ClinicNow => TimeZoneInfo.ConvertTimeFromUtc(UtcNow, ClinicClock.FindZone(null));
    public DateOnly ClinicToday => DateOnly.FromDateTime(ClinicNow);

    /// <summary>A client that keeps cookies and does not follow redirects (tests assert on them).</summary>
    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> work)
    {
        using var scope = Services.CreateScope();
        await work(scope.ServiceProvider);
    }

    public NeonProDbContext NewDbContext() => Services.CreateScope().ServiceProvider.GetRequiredService<NeonProDbContext>();

    public const string TestPassword = "correct horse battery staple";

    /// <summary>Creates a staff account through the app's own StaffAccounts service.</summary>
    public async Task<StaffUser> CreateStaffAsync(string role, string? email = null, string? password = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.neonpro.local";
        return await WithScopeAsync(async sp =>
        {
            var outcome = await sp.GetRequiredService<StaffAccounts>().CreateAsync(email, $"Teste {role}", password ?? TestPassword, [role]);
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
            return outcome.User!;
        });
    }

    /// <summary>A client signed in as a new account with the given role.</summary>
    public async Task<(HttpClient Client, StaffUser User)> SignedInClientAsync(string role)
    {
        var user = await CreateStaffAsync(role);
        var client = CreateBrowserClient();
        var response = await client.SignInAsync(user.Email!, TestPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, user);
    }

    private string? _connectionString; // the app's own SQLite connection string (its pool's key)

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NeonProDbContext>().Database;
        if (db.IsSqlite()) _connectionString = db.GetConnectionString();
        return host;
    }

    /// <summary>
    /// Closes the app's idle pooled connections to this class's database only (the last one to close checkpoints the
    /// WAL into the file). Never ClearAllPools: test classes run in parallel, and it would close theirs mid-test.
    /// </summary>
    public void ReleaseDatabaseConnections()
    {
        if (_connectionString is not null) SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        ReleaseDatabaseConnections();
        if (KeepDataFolder) return;
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Posting real forms the way a browser does: fetch the page, keep its antiforgery token, submit.</summary>
public static partial class FormPosting
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        return Parser.ParseDocument(html);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The antiforgery token a page carries (form field, or the meta tag htmx reads).</summary>
    public static string AntiforgeryToken(this IHtmlDocument doc) =>
        doc.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? doc.QuerySelector("meta[name=request-verification-token]")?.GetAttribute("content")
        ?? throw new InvalidOperationException("The page carries no antiforgery token.");

    /// <summary>Posts form fields to a URL with the antiforgery token taken from the page at pageUrl.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string postUrl,
        IEnumerable<KeyValuePair<string, string>> fields, bool htmx = false)
    {
        var doc = await client.GetDocumentAsync(pageUrl);
        var all = fields.ToList();
        all.Add(new("__RequestVerificationToken", doc.AntiforgeryToken()));
        using var request = new HttpRequestMessage(HttpMethod.Post, postUrl) { Content = new FormUrlEncodedContent(all) };
        if (htmx) request.Headers.Add("HX-Request", "true");
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url,
        IEnumerable<KeyValuePair<string, string>> fields, bool htmx = false) =>
        client.PostFormAsync(url, url, fields, htmx);

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        await client.PostFormAsync("/Identity/Account/Login",
        [
            new("Input.Email", email),
            new("Input.Password", password),
        ]);

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();

    /// <summary>The visible text of an HTML fragment, whitespace folded.</summary>
    public static string Text(string html) => Whitespace().Replace(Parser.ParseDocument(html).Body?.TextContent ?? "", " ").Trim();
}
