using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace NeonPro.Web.Infrastructure.Web;

/// <summary>
/// The client's address and scheme as the clinic's reverse proxy saw them (X-Forwarded-For, X-Forwarded-Proto), taken
/// only from proxies the operator names in Network:KnownProxies (addresses) or Network:KnownNetworks (CIDR ranges).
/// Nothing is trusted by default: anyone could send these headers, and a trusted forged address would dodge the
/// sign-in rate limit and write a false IP into the audit trail.
/// </summary>
public static class ForwardedHeaders
{
    public static IServiceCollection AddNeonProForwardedHeaders(this IServiceCollection services, IConfiguration config)
    {
        var proxies = Values(config.GetSection("Network:KnownProxies")).Select(ParseAddress).ToList();
        var networks = Values(config.GetSection("Network:KnownNetworks")).Select(ParseNetwork).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // With both lists empty the middleware trusts every sender (it checks addresses only when a list has one), so
            // with no proxy named it reads no header at all. Host is never taken: password-reset links come from
            // NeonPro:PublicUrl, and nothing else needs the proxy's view of it.
            o.ForwardedHeaders = proxies.Count + networks.Count == 0
                ? Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.None
                : Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; a proxy on the same machine must be named like any other.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        return services;
    }

    /// <summary>A list given as configuration children (Network__KnownProxies__0=...) or as one comma-separated value.</summary>
    private static IEnumerable<string> Values(IConfigurationSection section)
    {
        var items = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return items.SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static IPAddress ParseAddress(string value) =>
        IPAddress.TryParse(value, out var address) ? address
            : throw new InvalidOperationException($"Network:KnownProxies: '{value}' is not an IP address.");

    private static System.Net.IPNetwork ParseNetwork(string value) =>
        System.Net.IPNetwork.TryParse(value, out var network) ? network
            : throw new InvalidOperationException($"Network:KnownNetworks: '{value}' is not a network in CIDR notation (e.g. 10.0.0.0/24).");
}
