using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NeonPro.Web.Data;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Data;

/// <summary>
/// The data-protection key ring (what sign-in cookies and antiforgery tokens are sealed with) kept in the
/// DataProtectionKeys table by the library's EF Core store, which replaced our own store on the same table: installs
/// keep their keys across the upgrade, the audit sees a key only as a mark, and no log ever carries one.
/// </summary>
public sealed class DataProtectionKeysTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "neonpro-tests", Guid.NewGuid().ToString("N"));

    public DataProtectionKeysTests() => Directory.CreateDirectory(_folder);

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "neonpro.db")};Pooling=False";

    [Fact]
    public async Task A_sign_in_made_before_the_upgrade_still_opens_the_app_after_it()
    {
        StaffUser user;
        string authCookie;
        using (var before = new AppBeforeTheUpgrade(_folder))
        {
            user = await before.CreateStaffAsync(Roles.Receptionist);
            var signIn = await before.CreateBrowserClient().SignInAsync(user.Email!, NeonProFactory.TestPassword);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            authCookie = signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("neonpro.auth="));
        }
        var ringBefore = KeyRows();
        var key = Assert.Single(ringBefore); // the one key the old store wrote, so the cookie is sealed with it

        using var after = new AppOnFolder(_folder);
        var client = after.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", authCookie);
        var home = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var page = FormPosting.Parse(await home.Content.ReadAsStringAsync());
        Assert.Contains(user.FullName, page.QuerySelector("[data-testid=signed-in-user]")?.TextContent);
        // The library read the old row as it is and made no key of its own.
        Assert.Equal(ringBefore, KeyRows());
        var ring = after.Services.GetRequiredService<IKeyManager>().GetAllKeys();
        Assert.Equal((string?)XElement.Parse(key.Xml).Attribute("id"), Assert.Single(ring).KeyId.ToString());
    }

    [Fact]
    public async Task A_key_the_app_makes_is_kept_in_the_table_and_reaches_the_audit_only_as_a_mark()
    {
        using (var app = new AppOnFolder(_folder))
        {
            var signIn = await app.CreateBrowserClient().SignInAsync((await app.CreateStaffAsync(Roles.Receptionist)).Email!, NeonProFactory.TestPassword);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var key = Assert.Single(KeyRows());
        Assert.StartsWith("key-", key.FriendlyName);
        var audited = Assert.Single(AuditedValues("DataProtectionKey"));
        var values = Assert.IsType<JsonObject>(JsonNode.Parse(audited));
        Assert.Equal(AuditInterceptor.SecretMarker, (string?)values["Xml"]);
        Assert.Equal(key.FriendlyName, (string?)values["FriendlyName"]);
        Assert.DoesNotContain(MasterKey(key.Xml), audited);
    }

    [Theory]
    [InlineData("Logging:LogLevel")] // for every logger
    [InlineData("Logging:Captured:LogLevel")] // for one logger (as Logging:Console:LogLevel would be)
    public async Task Debug_logs_never_carry_a_key(string levels)
    {
        using (var first = new AppOnFolder(_folder))
            await first.CreateBrowserClient().GetDocumentAsync("/Identity/Account/Login"); // its antiforgery token makes the key
        var masterKey = MasterKey(Assert.Single(KeyRows()).Xml);

        var logs = new CapturedLogs();
        using (var restarted = new AppWithLogs(_folder, levels, logs))
        {
            // Starting reads the key ring; signing in seals a cookie with it.
            var signIn = await restarted.CreateBrowserClient().SignInAsync((await restarted.CreateStaffAsync(Roles.Receptionist)).Email!, NeonProFactory.TestPassword);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Debug); // debug logs were on
        Assert.DoesNotContain(logs.Lines, l => l.Text.Contains(masterKey));
    }

    [Fact]
    public async Task Data_protection_keeps_a_higher_log_level_the_configuration_sets()
    {
        // The tests' settings log Microsoft.AspNetCore from Error up; making a key logs below that (Information, Warning).
        var logs = new CapturedLogs();
        using (var app = new AppWithLogs(_folder, levels: null, logs))
            await app.CreateBrowserClient().GetDocumentAsync("/Identity/Account/Login");

        Assert.Single(KeyRows());
        Assert.DoesNotContain(logs.Lines, l => l.Category.StartsWith("Microsoft.AspNetCore.DataProtection") && l.Level < LogLevel.Error);
    }

    private sealed record KeyRow(int Id, string? FriendlyName, string Xml);

    private List<KeyRow> KeyRows()
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, FriendlyName, Xml FROM DataProtectionKeys ORDER BY Id";
        using var reader = command.ExecuteReader();
        var rows = new List<KeyRow>();
        while (reader.Read()) rows.Add(new KeyRow(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
        return rows;
    }

    private List<string> AuditedValues(string entityType)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT NewValues FROM AuditEntries WHERE EntityType = $type";
        command.Parameters.AddWithValue("$type", entityType);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }

    /// <summary>The secret in a key's XML: the base64 of its master key (stored unencrypted on Linux).</summary>
    private static string MasterKey(string keyXml)
    {
        var value = XElement.Parse(keyXml).Descendants("masterKey").Elements("value").Single().Value;
        Assert.True(value.Length >= 40, "a 256-bit key or more");
        return value;
    }

    /// <summary>The app on this class's data folder (database and audit key), so a second instance is a restart of the first.</summary>
    private class AppOnFolder(string folder) : NeonProFactory
    {
        protected string Folder { get; } = folder;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["NeonPro:DataFolder"] = Folder,
            ["ConnectionStrings:NeonPro"] = $"Data Source={Path.Combine(Folder, "neonpro.db")}",
        };
    }

    /// <summary>The app as it ran before the upgrade: its key ring kept by our own store (below) instead of the library's.</summary>
    private sealed class AppBeforeTheUpgrade(string folder) : AppOnFolder(folder)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            var connectionString = $"Data Source={Path.Combine(Folder, "neonpro.db")};Pooling=False";
            // Configured after the app's own PersistKeysToDbContext, so this repository is the one the key manager uses.
            builder.ConfigureServices(s => s.Configure<KeyManagementOptions>(o => o.XmlRepository = new KeyStoreAsBefore(connectionString)));
        }
    }

    /// <summary>
    /// NeonPro's own key store as versions before 2026-11-28 had it (Data/DbDataProtectionKeyStore.cs, over our own
    /// DataProtectionKey entity): the same reads and writes on the same table, in SQL since that entity is gone.
    /// </summary>
    private sealed class KeyStoreAsBefore(string connectionString) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT Xml FROM DataProtectionKeys";
            using var reader = command.ExecuteReader();
            var xml = new List<string>();
            while (reader.Read()) xml.Add(reader.GetString(0));
            return xml.Select(XElement.Parse).ToList();
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO DataProtectionKeys (FriendlyName, Xml) VALUES ($friendlyName, $xml)";
            command.Parameters.AddWithValue("$friendlyName", friendlyName);
            command.Parameters.AddWithValue("$xml", element.ToString(SaveOptions.DisableFormatting));
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// The app with its lines captured; with levels (a configuration section) set to Trace from there, as an operator
    /// chasing a problem would set them.
    /// </summary>
    private sealed class AppWithLogs(string folder, string? levels, CapturedLogs logs) : AppOnFolder(folder)
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = new Dictionary<string, string?>(base.Settings);
                if (levels is null) return settings;
                settings[$"{levels}:Default"] = "Trace";
                settings[$"{levels}:Microsoft.AspNetCore"] = "Trace";
                return settings;
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs));
        }
    }

    [ProviderAlias("Captured")]
    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Text)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose() { }

        private sealed class Logger(CapturedLogs logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                // The message, its raw values (a structured sink writes them apart) and any exception.
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => p.Value)) : "";
                logs.Lines.Enqueue((category, logLevel, $"{formatter(state, exception)} {values} {exception}"));
            }
        }
    }

    public void Dispose()
    {
        // Each app closed its own pooled connections when disposed; this class's are unpooled.
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
