using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Features.Account;

namespace NeonPro.Web.Tests.Infrastructure;

/// <summary>
/// The app on real Kestrel at 127.0.0.1, reached the way the clinic's reverse proxy on the same machine reaches it: every
/// connection comes from loopback, and the proxy says who the client was in X-Forwarded-For.
/// </summary>
public abstract class BehindLoopbackProxyFactory : NeonProFactory
{
    protected BehindLoopbackProxyFactory() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    protected abstract string? TrustedProxies { get; }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:SignInAttemptsPerMinutePerIp"] = "3",
        ["Network:KnownProxies"] = TrustedProxies,
    };

    /// <summary>A browser of the clinic whose requests reach the app through the proxy, which adds the browser's address.</summary>
    public HttpClient ClientAt(string clientAddress)
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // A plain HttpClient over a real socket, keeping cookies and not following redirects (the tests assert on them).
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
        {
            BaseAddress = new Uri(address),
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return client;
    }
}

public sealed class TrustsLoopbackProxyFactory : BehindLoopbackProxyFactory
{
    protected override string? TrustedProxies => "127.0.0.1";
}

public sealed class TrustsNoProxyFactory : BehindLoopbackProxyFactory
{
    protected override string? TrustedProxies => null;
}

public sealed class ForwardedHeadersTests(TrustsLoopbackProxyFactory app) : IClassFixture<TrustsLoopbackProxyFactory>
{
    [Fact]
    public async Task Behind_a_trusted_proxy_each_receptionist_has_her_own_sign_in_limit()
    {
        var first = app.ClientAt("203.0.113.10");
        for (var attempt = 1; attempt <= 3; attempt++)
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await first.SignInAsync($"a{attempt}@example.com", "wrong password here")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.SignInAsync("a4@example.com", "wrong password here")).StatusCode);

        // Another desk of the same clinic, through the same proxy: her own address, her own allowance.
        var second = app.ClientAt("203.0.113.11");
        var response = await second.SignInAsync("b1@example.com", "wrong password here");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_audit_records_the_clients_address()
    {
        var user = await app.CreateStaffAsync(Roles.Receptionist);
        var client = app.ClientAt("198.51.100.7");

        var response = await client.SignInAsync(user.Email!, NeonProFactory.TestPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var signIn = Assert.Single(await app.AuditRowsAsync(AuditAction.SignIn, user.Id));
        Assert.Equal("198.51.100.7", signIn.IpAddress);
    }
}

/// <summary>Without Network:KnownProxies the headers are anyone's to forge, so they are ignored.</summary>
public sealed class UntrustedForwardedHeadersTests(TrustsNoProxyFactory app) : IClassFixture<TrustsNoProxyFactory>
{
    [Fact]
    public async Task Without_a_configured_proxy_a_forged_client_address_is_ignored()
    {
        var user = await app.CreateStaffAsync(Roles.Receptionist);
        var forger = app.ClientAt("198.51.100.99");
        for (var attempt = 1; attempt <= 2; attempt++)
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await forger.SignInAsync($"g{attempt}@example.com", "wrong password here")).StatusCode);

        // A new forged address buys no new attempts: all of them count against the real peer, 127.0.0.1.
        var response = await app.ClientAt("198.51.100.100").SignInAsync(user.Email!, NeonProFactory.TestPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.ClientAt("198.51.100.101").SignInAsync("g4@example.com", "wrong password here")).StatusCode);

        var signIn = Assert.Single(await app.AuditRowsAsync(AuditAction.SignIn, user.Id));
        Assert.Equal("127.0.0.1", signIn.IpAddress);
    }
}
