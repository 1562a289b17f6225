using System.ComponentModel;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace NeonPro.Web.Infrastructure.Web;

/// <summary>The Network section: the reverse proxies whose forwarded headers are believed.</summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>The proxies' addresses (127.0.0.1 for a proxy on the same machine).</summary>
    public ConfiguredList KnownProxies { get; set; } = [];

    /// <summary>The same as CIDR ranges (10.0.0.0/24).</summary>
    public ConfiguredList KnownNetworks { get; set; } = [];

    // Methods, not properties: the configuration binder may read a property's value while binding, and these parse.
    public IReadOnlyList<IPAddress> Proxies() => KnownProxies.Select(IPAddress.Parse).ToList();

    public IReadOnlyList<System.Net.IPNetwork> Networks() => KnownNetworks.Select(n => System.Net.IPNetwork.Parse(n)).ToList();
}

/// <summary>
/// A list given as configuration children (Network__KnownProxies__0=...) or as one comma-separated value
/// (Network__KnownProxies=10.0.0.1,10.0.0.2): the binder converts a single value through the converter and binds children
/// as a list, so both forms an install may use keep working.
/// </summary>
[TypeConverter(typeof(ConfiguredListConverter))]
public sealed class ConfiguredList : List<string>
{
    public ConfiguredList() { }

    public ConfiguredList(IEnumerable<string> items) : base(items) { }

    private sealed class ConfiguredListConverter : TypeConverter
    {
        public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string);

        public override object ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
            new ConfiguredList(((string)value).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}

/// <summary>Refuses to start on an address or range that does not parse, naming the key and the value.</summary>
public sealed class NetworkOptionsValidator : IValidateOptions<NetworkOptions>
{
    public ValidateOptionsResult Validate(string? name, NetworkOptions options)
    {
        var failures = options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => $"Network:KnownProxies: '{p}' is not an IP address.")
            .Concat(options.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _))
                .Select(n => $"Network:KnownNetworks: '{n}' is not a network in CIDR notation (e.g. 10.0.0.0/24)."))
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>
/// The client's address and scheme as the clinic's reverse proxy saw them (X-Forwarded-For, X-Forwarded-Proto), taken
/// only from proxies the operator names in Network:KnownProxies (addresses) or Network:KnownNetworks (CIDR ranges).
/// Nothing is trusted by default: anyone could send these headers, and a trusted forged address would dodge the
/// sign-in rate limit and write a false IP into the audit trail.
/// </summary>
public static class ForwardedHeaders
{
    public static IServiceCollection AddNeonProForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<NetworkOptions>().BindConfiguration(NetworkOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NetworkOptions>, NetworkOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NetworkOptions>>((o, network) =>
        {
            var proxies = network.Value.Proxies();
            var networks = network.Value.Networks();
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
            foreach (var range in networks) o.KnownIPNetworks.Add(range);
        });
        return services;
    }
}
