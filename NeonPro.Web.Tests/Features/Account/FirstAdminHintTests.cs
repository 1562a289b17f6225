using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Features.Admin;
using NeonPro.Web.Tests.Infrastructure;
using static NeonPro.Web.Tests.Features.Account.AccountTestData;

namespace NeonPro.Web.Tests.Features.Account;

/// <summary>A fresh install has no account at all: its sign-in page says how to create the first admin.</summary>
public sealed class FirstAdminHintTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    [Fact]
    public async Task The_sign_in_page_shows_the_create_admin_command_until_an_admin_exists()
    {
        var fresh = await app.CreateBrowserClient().GetDocumentAsync(Login);
        var hint = fresh.QuerySelector("[data-testid=first-admin-hint]");
        Assert.NotNull(hint);
        Assert.Contains("create-admin --email", hint.TextContent);

        await app.WithScopeAsync(async sp =>
            Assert.True((await sp.GetRequiredService<StaffAccounts>().CreateOrResetAdminAsync("admin@test.neonpro.local", NeonProFactory.TestPassword, null)).Succeeded));

        var afterwards = await app.CreateBrowserClient().GetDocumentAsync(Login);
        Assert.Null(afterwards.QuerySelector("[data-testid=first-admin-hint]"));
    }
}
