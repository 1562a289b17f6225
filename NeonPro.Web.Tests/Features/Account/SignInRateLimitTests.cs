using System.Net;
using NeonPro.Web.Tests.Infrastructure;
using static NeonPro.Web.Tests.Features.Account.AccountTestData;

namespace NeonPro.Web.Tests.Features.Account;

/// <summary>The app with a sign-in limit low enough to reach in a test.</summary>
public sealed class ThreeSignInsPerMinuteFactory : NeonProFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:SignInAttemptsPerMinutePerIp"] = "3",
    };
}

/// <summary>Password guessing from one address is slowed across all accounts, not only per account.</summary>
public sealed class SignInRateLimitTests(ThreeSignInsPerMinuteFactory app) : IClassFixture<ThreeSignInsPerMinuteFactory>
{
    [Fact]
    public async Task Sign_in_posts_past_the_limit_answer_429_with_a_portuguese_page()
    {
        var client = app.CreateBrowserClient();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var allowed = await client.SignInAsync($"guess-{attempt}@example.com", "some password guess");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, allowed.StatusCode);
        }

        var refused = await client.SignInAsync("guess-4@example.com", "some password guess");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var page = FormPosting.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("pt-BR", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Muitas tentativas. Aguarde um minuto e tente de novo.", page.Body!.TextContent);
        // Reading the page is not limited, only posting to it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Login)).StatusCode);
    }
}

/// <summary>The app with the sign-in limit a small clinic would run with.</summary>
public sealed class TenSignInsPerMinuteFactory : NeonProFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:SignInAttemptsPerMinutePerIp"] = "10",
    };
}

/// <summary>A refused request says when to come back (Retry-After), so a client or a proxy need not guess.</summary>
public sealed class SignInRetryAfterTests(TenSignInsPerMinuteFactory app) : IClassFixture<TenSignInsPerMinuteFactory>
{
    [Fact]
    public async Task The_eleventh_sign_in_post_in_a_minute_gets_429_with_Retry_After_in_seconds()
    {
        var client = app.CreateBrowserClient();
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var allowed = await client.SignInAsync($"guess-{attempt}@example.com", "some password guess");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, allowed.StatusCode);
            Assert.False(allowed.Headers.Contains("Retry-After"));
        }

        var refused = await client.SignInAsync("guess-11@example.com", "some password guess");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var seconds = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);
        // The pt-BR page the status-code pages render still comes with it.
        Assert.Contains("Muitas tentativas. Aguarde um minuto e tente de novo.", FormPosting.Text(await refused.Content.ReadAsStringAsync()));
    }
}
