using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;
using static NeonPro.Web.Tests.Features.Account.AccountTestData;

namespace NeonPro.Web.Tests.Features.Account;

/// <summary>The app wired to a real SMTP server on loopback (plain, no AUTH: a relay on the clinic's LAN), so the reset e-mail can be read back.</summary>
public sealed class MailCatchingFactory : NeonProFactory
{
    public SmtpServer Smtp { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:From"] = "clinica@test.neonpro.local",
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp.Dispose();
    }
}

/// <summary>"Esqueci minha senha": a link by e-mail that sets a new password once, without telling who has an account.</summary>
public sealed class PasswordResetTests(MailCatchingFactory app) : IClassFixture<MailCatchingFactory>
{
    private const string ForgotPassword = "/Identity/Account/ForgotPassword";

    [Fact]
    public async Task The_reset_link_arrives_only_for_a_known_account_and_sets_a_new_password_once()
    {
        var user = await app.CreateStaffAsync(Roles.Professional);
        var client = app.CreateBrowserClient();
        var before = app.Smtp.Messages.Count;

        var unknown = await client.PostFormAsync(ForgotPassword, [new("Input.Email", $"ninguem-{Guid.NewGuid():N}@example.com")]);
        Assert.Equal(before, app.Smtp.Messages.Count);
        var known = await client.PostFormAsync(ForgotPassword, [new("Input.Email", user.Email!)]);

        // The same answer either way: the page cannot be used to find out who has an account.
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.Equal(unknown.Headers.Location, known.Headers.Location);
        Assert.Equal("/Identity/Account/ForgotPasswordConfirmation", known.Headers.Location?.OriginalString);
        var sent = app.Smtp.Messages.Last();
        Assert.Equal(user.Email, sent.To.Mailboxes.Single().Address);
        var mail = FormPosting.Parse(sent.HtmlBody ?? "");
        var link = mail.QuerySelector("a")?.GetAttribute("href");
        Assert.StartsWith("http://localhost/Identity/Account/ResetPassword?code=", link);
        Assert.Contains("Recebemos um pedido para redefinir a senha", mail.Body!.TextContent);

        var resetPage = new Uri(link!).PathAndQuery;
        var code = (await client.GetDocumentAsync(resetPage)).QuerySelector("input[name='Input.Code']")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(code));
        const string newPassword = "nova frase de acesso segura";
        KeyValuePair<string, string>[] form =
        [
            new("Input.Email", user.Email!), new("Input.Password", newPassword),
            new("Input.ConfirmPassword", newPassword), new("Input.Code", code),
        ];
        var reset = await client.PostFormAsync(resetPage, form);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/Identity/Account/ResetPasswordConfirmation", reset.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowserClient().SignInAsync(user.Email!, newPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await app.CreateBrowserClient().SignInAsync(user.Email!, NeonProFactory.TestPassword)).StatusCode);
        var row = Assert.Single(await app.AuditRowsAsync(AuditAction.PasswordReset, user.Id));
        Assert.Equal(user.Id, row.UserId);

        var again = await client.PostFormAsync(resetPage, form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("O link ou código é inválido ou expirou.", FormPosting.Text(await again.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_disabled_account_gets_no_reset_email()
    {
        var user = await app.CreateStaffAsync(Roles.Receptionist);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            stored.IsDisabled = true;
            await users.UpdateAsync(stored);
        });
        var before = app.Smtp.Messages.Count;

        var response = await app.CreateBrowserClient().PostFormAsync(ForgotPassword, [new("Input.Email", user.Email!)]);

        Assert.Equal("/Identity/Account/ForgotPasswordConfirmation", response.Headers.Location?.OriginalString);
        Assert.Equal(before, app.Smtp.Messages.Count);
    }
}
