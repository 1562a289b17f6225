using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;
using static NeonPro.Web.Tests.Features.Account.AccountTestData;

namespace NeonPro.Web.Tests.Features.Account;

public sealed class AuthenticatorEnrolmentTests(FakeClockFactory app) : IClassFixture<FakeClockFactory>
{
    private const string Enable = "/Identity/Account/Manage/EnableAuthenticator";

    [Fact]
    public async Task Taking_five_minutes_to_scan_the_code_neither_signs_the_person_out_nor_stops_the_enrolment()
    {
        var (client, user) = await app.SignedInClientAsync(Roles.Receptionist);
        var otherSession = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await otherSession.SignInAsync(user.Email!, NeonProFactory.TestPassword)).StatusCode);

        var setup = await client.GetDocumentAsync(Enable);
        var key = setup.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "").ToUpperInvariant();
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        // Only a key was generated: no session ends for it.
        Assert.Equal(HttpStatusCode.OK, (await otherSession.GetAsync("/")).StatusCode);

        // Identity checks the code against the real clock (Rfc6238), not the app's TimeProvider: computed the same way.
        using var submit = new HttpRequestMessage(HttpMethod.Post, Enable)
        {
            Content = new FormUrlEncodedContent(
            [
                new("Input.Code", AuthenticatorCode(key, DateTimeOffset.UtcNow)),
                new("__RequestVerificationToken", setup.AntiforgeryToken()),
            ]),
        };
        var paired = await client.SendAsync(submit);

        Assert.Equal(HttpStatusCode.Redirect, paired.StatusCode);
        Assert.Equal("/Identity/Account/Manage/ShowRecoveryCodes", paired.Headers.Location?.OriginalString);
        Assert.True((await app.ReloadAsync(user)).TwoFactorEnabled);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        // The person who enabled it stays signed in; enabling two-factor ends every other session.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var ended = await otherSession.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Contains(Login, ended.Headers.Location!.OriginalString);
    }
}
