using System.Net;
using System.Text;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;
using static NeonPro.Web.Tests.Features.Account.AccountTestData;

namespace NeonPro.Web.Tests.Features.Account;

/// <summary>"Minha conta": profile, password and the authenticator app, each driven through its real form.</summary>
public sealed class ManageTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private const string ChangePassword = "/Identity/Account/Manage/ChangePassword";

    [Fact]
    public async Task Change_password_works_and_the_old_password_no_longer_signs_in()
    {
        var (client, user) = await app.SignedInClientAsync(Roles.Receptionist);
        const string newPassword = "uma frase nova e comprida";

        var response = await client.PostFormAsync(ChangePassword,
        [
            new("Input.OldPassword", NeonProFactory.TestPassword),
            new("Input.NewPassword", newPassword),
            new("Input.ConfirmPassword", newPassword),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync(ChangePassword);
        Assert.Contains("Sua senha foi alterada.", page.Body!.TextContent);
        var withOld = await app.CreateBrowserClient().SignInAsync(user.Email!, NeonProFactory.TestPassword);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withOld.StatusCode);
        var withNew = await app.CreateBrowserClient().SignInAsync(user.Email!, newPassword);
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
        Assert.Equal("/", withNew.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Change_password_with_a_wrong_current_password_changes_nothing()
    {
        var (client, user) = await app.SignedInClientAsync(Roles.Receptionist);

        var response = await client.PostFormAsync(ChangePassword,
        [
            new("Input.OldPassword", "not my current password"),
            new("Input.NewPassword", "outra frase bem comprida"),
            new("Input.ConfirmPassword", "outra frase bem comprida"),
        ]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Senha incorreta.", FormPosting.Text(await response.Content.ReadAsStringAsync()));
        var withOld = await app.CreateBrowserClient().SignInAsync(user.Email!, NeonProFactory.TestPassword);
        Assert.Equal(HttpStatusCode.Redirect, withOld.StatusCode);
    }

    [Fact]
    public async Task Profile_changes_the_name_the_menu_shows()
    {
        var (client, user) = await app.SignedInClientAsync(Roles.Professional);

        var response = await client.PostFormAsync("/Identity/Account/Manage",
            [new("Input.FullName", "Dra. Helena Prado"), new("Input.PhoneNumber", "(11) 98765-4321")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync("/Identity/Account/Manage");
        Assert.Contains("Seu perfil foi atualizado.", page.Body!.TextContent);
        Assert.Equal("Dra. Helena Prado", page.QuerySelector("[data-testid=signed-in-user]")?.TextContent.Trim());
        Assert.Equal(user.Email, page.QuerySelector("#account-email")?.GetAttribute("value"));
        Assert.True(page.QuerySelector("#account-email")!.HasAttribute("readonly"));
        var stored = await app.ReloadAsync(user);
        Assert.Equal("Dra. Helena Prado", stored.FullName);
        Assert.Equal("(11) 98765-4321", stored.PhoneNumber);
    }

    [Fact]
    public async Task Manage_menu_is_in_portuguese()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);

        var page = await client.GetDocumentAsync("/Identity/Account/Manage");

        var links = page.QuerySelectorAll("nav[aria-label='Seções da conta'] a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Perfil", "Senha", "Autenticação em dois fatores"], links);
    }

    [Fact]
    public async Task An_authenticator_app_can_be_paired_and_then_sign_in_asks_for_its_code()
    {
        var (client, user) = await app.SignedInClientAsync(Roles.Manager);
        const string enable = "/Identity/Account/Manage/EnableAuthenticator";

        var setup = await client.GetDocumentAsync(enable);
        var key = setup.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "").ToUpperInvariant();
        var qr = setup.QuerySelector("img[src^='data:image/svg+xml;base64,']")?.GetAttribute("src");
        Assert.NotNull(qr);
        Assert.Contains("<svg", Encoding.UTF8.GetString(Convert.FromBase64String(qr["data:image/svg+xml;base64,".Length..])));

        var notTheCode = AuthenticatorCode(key, DateTimeOffset.UtcNow) == "000000" ? "111111" : "000000";
        var wrong = await client.PostFormAsync(enable, [new("Input.Code", notTheCode)]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("Código de verificação inválido.", FormPosting.Text(await wrong.Content.ReadAsStringAsync()));

        var paired = await client.PostFormAsync(enable, [new("Input.Code", AuthenticatorCode(key, DateTimeOffset.UtcNow))]);
        Assert.Equal(HttpStatusCode.Redirect, paired.StatusCode);
        Assert.Equal("/Identity/Account/Manage/ShowRecoveryCodes", paired.Headers.Location?.OriginalString);
        var codes = await client.GetDocumentAsync("/Identity/Account/Manage/ShowRecoveryCodes");
        Assert.Equal(10, codes.QuerySelectorAll("#recovery-codes code").Length);
        Assert.True((await app.ReloadAsync(user)).TwoFactorEnabled);
        // The session that enabled it stays signed in although the security stamp changed.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var browser = app.CreateBrowserClient();
        var password = await browser.SignInAsync(user.Email!, NeonProFactory.TestPassword);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var second = password.Headers.Location!.OriginalString;
        Assert.StartsWith("/Identity/Account/LoginWith2fa", second);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);

        var signedIn = await browser.PostFormAsync(second, [new("Input.TwoFactorCode", AuthenticatorCode(key, DateTimeOffset.UtcNow.AddSeconds(30)))]);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.Contains(await app.AuditRowsAsync(AuditAction.SignIn, user.Id), r => r.NewValues!.Contains("authenticator"));
    }

    [Fact]
    public async Task Ones_own_name_with_a_direction_override_is_refused_beside_the_name()
    {
        var (client, user) = await app.SignedInClientAsync(Roles.Receptionist);

        var response = await client.PostFormAsync("/Identity/Account/Manage", [new("Input.FullName", "Teste \u202Eoãçpecer"), new("Input.PhoneNumber", "")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = FormPosting.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("O nome contém caracteres invisíveis que mudam a direção do texto; digite-o de novo.",
            doc.QuerySelector("[data-valmsg-for='Input.FullName']")?.TextContent.Trim());
        Assert.Equal(user.FullName, (await app.ReloadAsync(user)).FullName);
    }
}
