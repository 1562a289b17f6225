using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;
using static NeonPro.Web.Tests.Features.Account.AccountTestData;

namespace NeonPro.Web.Tests.Features.Account;

/// <summary>The start-up step that makes authenticator secrets written into the audit by earlier versions useless.</summary>
public sealed class LeakedSecondFactorResetTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private const string Enable = "/Identity/Account/Manage/EnableAuthenticator";

    [Fact]
    public async Task Authenticators_readable_in_the_audit_are_withdrawn_once_and_their_owners_must_pair_a_new_one()
    {
        var leaked = await app.CreateStaffAsync(Roles.Manager);
        var untouched = await app.CreateStaffAsync(Roles.Professional);
        var (key, codes) = await EnrolAsync(leaked);
        await EnrolAsync(untouched);
        await using (var db = app.NewDbContext())
        {
            db.AuditEntries.Add(RowAsEarlierVersionsWroteIt(leaked.Id, "AuthenticatorKey", key));
            db.AuditEntries.Add(RowAsEarlierVersionsWroteIt(leaked.Id, "RecoveryCodes", string.Join(";", codes)));
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await RunAsync());

        Assert.Empty(await AuthenticatorTokensAsync(leaked.Id));
        Assert.Equal(2, (await AuthenticatorTokensAsync(untouched.Id)).Count);
        var after = await app.ReloadAsync(leaked);
        Assert.False(after.TwoFactorEnabled);
        Assert.True(after.MustEnrollTwoFactor);
        Assert.NotEqual(leaked.SecurityStamp, after.SecurityStamp);
        Assert.True((await app.ReloadAsync(untouched)).TwoFactorEnabled);
        var why = Assert.Single(await app.AuditRowsAsync(AuditAction.SecondFactorReset, leaked.Id));
        Assert.Equal(LeakedSecondFactorReset.Reason, JsonDocument.Parse(why.NewValues!).RootElement.GetProperty("Reason").GetString());
        Assert.Equal("system", why.UserName);
        Assert.Empty(await app.AuditRowsAsync(AuditAction.SecondFactorReset, untouched.Id));
        var (checkedRows, broken) = await app.WithScopeAsync(sp => sp.GetRequiredService<AuditLog>().VerifyAsync());
        Assert.True(checkedRows > 0);
        Assert.Null(broken);

        // A second start finds nobody: the secrets in the audit no longer open anything.
        var last = await LastSequenceAsync();
        Assert.Equal(0, await RunAsync());
        Assert.Equal(last, await LastSequenceAsync());

        // At the next sign-in the app stays closed, past the account pages, until a new authenticator is paired.
        var client = app.CreateBrowserClient();
        var signIn = await client.SignInAsync(leaked.Email!, NeonProFactory.TestPassword);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(SecondFactorEnrolment.EnrolmentPage, home.Headers.Location?.OriginalString);
        // The manager's JSON endpoints are held back too, not only the pages.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/compliance/audit/verify")).StatusCode);
        var setup = await client.GetDocumentAsync(Enable);
        Assert.NotNull(setup.QuerySelector("#must-enroll"));
        var newKey = setup.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "").ToUpperInvariant();
        Assert.NotEqual(key, newKey);
        var paired = await client.PostFormAsync(Enable, [new("Input.Code", AuthenticatorCode(newKey, DateTimeOffset.UtcNow))]);
        Assert.Equal(HttpStatusCode.Redirect, paired.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/compliance/audit/verify")).StatusCode);
        var enrolled = await app.ReloadAsync(leaked);
        Assert.True(enrolled.TwoFactorEnabled);
        Assert.False(enrolled.MustEnrollTwoFactor);
    }

    private Task<int> RunAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<LeakedSecondFactorReset>().RunAsync());

    private async Task<(string Key, List<string> Codes)> EnrolAsync(StaffUser user) =>
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var u = (await users.FindByIdAsync(user.Id))!;
            Assert.True((await users.ResetAuthenticatorKeyAsync(u)).Succeeded);
            Assert.True((await users.SetTwoFactorEnabledAsync(u, true)).Succeeded);
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(u, 10))!.ToList();
            return ((await users.GetAuthenticatorKeyAsync(u))!, codes);
        });

    /// <summary>An audit row the way the interceptor wrote token rows before the Secret mark: the value in clear.</summary>
    private static AuditEntry RowAsEarlierVersionsWroteIt(string userId, string name, string value) => new()
    {
        Action = AuditAction.Insert,
        EntityType = LeakedSecondFactorReset.TokenEntityType,
        EntityId = $"{userId},[AspNetUserStore],{name}",
        NewValues = JsonSerializer.Serialize(new { UserId = userId, LoginProvider = "[AspNetUserStore]", Name = name, Value = value }),
    };

    private async Task<List<IdentityUserToken<string>>> AuthenticatorTokensAsync(string userId)
    {
        await using var db = app.NewDbContext();
        return await db.UserTokens.AsNoTracking().Where(t => t.UserId == userId && t.LoginProvider == "[AspNetUserStore]").ToListAsync();
    }

    private async Task<long> LastSequenceAsync()
    {
        await using var db = app.NewDbContext();
        return await db.AuditEntries.MaxAsync(a => a.Sequence);
    }
}
