using Microsoft.Extensions.Configuration;
using NeonPro.Web.Infrastructure.Web;

namespace NeonPro.Web.Tests.Infrastructure;

/// <summary>The app with one configuration value changed, started by the test.</summary>
public sealed class ConfiguredFactory(string key, string value) : NeonProFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { [key] = value };
}

/// <summary>
/// Every setting is read into a typed options class and checked when the app starts: a wrong value stops the start with
/// a message naming the key, instead of failing at 02:00, at the first e-mail, or never (a limit silently ignored).
/// </summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Smtp:Port", "abc")]
    [InlineData("Smtp:Port", "70000")]
    [InlineData("Network:KnownProxies", "not-an-ip")]
    [InlineData("Network:KnownNetworks", "10.0.0.0/99")]
    [InlineData("Backup:DailyCopies", "-1")]
    [InlineData("Backup:WeeklyCopies", "-3")]
    [InlineData("Backup:Time", "25:99")]
    [InlineData("Jobs:HeartbeatSeconds", "-5")]
    [InlineData("Jobs:ClusterCheckinSeconds", "0")]
    [InlineData("Security:SignInAttemptsPerMinutePerIp", "0")]
    [InlineData("NeonPro:PublicUrl", "neonpro.clinica.local")]
    [InlineData("Audit:HashKey", "not base64!")]
    [InlineData("Audit:HashKey", "c2hvcnQ=")]
    [InlineData("DataProtection:CertificatePath", "no-such-certificate.pfx")]
    public void A_wrong_value_stops_the_start_and_names_its_key(string key, string value)
    {
        using var app = new ConfiguredFactory(key, value);

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.True(Message(failure).Contains(key, StringComparison.Ordinal), failure.ToString());
    }

    [Theory]
    [InlineData("Network:KnownProxies", "127.0.0.1, 10.0.0.2")]
    [InlineData("Backup:Time", "03:30")]
    [InlineData("NeonPro:PublicUrl", "https://neonpro.clinica.local")]
    public void A_right_value_starts(string key, string value)
    {
        using var app = new ConfiguredFactory(key, value);

        Assert.NotNull(app.Services);
    }

    [Theory]
    [InlineData("Network:KnownProxies", "10.0.0.1, 10.0.0.2")]
    [InlineData("Network:KnownProxies:0", "10.0.0.1")]
    public void The_proxy_list_is_read_as_one_comma_separated_value_or_as_children(string key, string value)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key.EndsWith(":0", StringComparison.Ordinal)) settings["Network:KnownProxies:1"] = "10.0.0.2";
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var network = config.GetSection(NetworkOptions.Section).Get<NetworkOptions>()!;

        Assert.Equal(["10.0.0.1", "10.0.0.2"], network.KnownProxies);
    }

    private static string Message(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Message(e.InnerException);
}
