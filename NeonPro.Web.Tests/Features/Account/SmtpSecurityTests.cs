using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Messaging;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Account;

/// <summary>The app wired to a mail server that requires STARTTLS and a password, with its certificate pinned.</summary>
public sealed class SecureMailFactory : NeonProFactory
{
    public SmtpServer Smtp { get; } = new(tls: true, requireStartTls: true, user: "clinica", password: "senha do relay");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:From"] = "clinica@test.neonpro.local",
        ["Smtp:Security"] = "StartTls",
        ["Smtp:UserName"] = "clinica",
        ["Smtp:Password"] = "senha do relay",
        ["Smtp:TrustedCertificateSha256"] = Smtp.CertificateSha256,
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp.Dispose();
    }
}

/// <summary>
/// Mail through MailKit to a real SMTP server (aiosmtpd) on loopback: encrypted with STARTTLS, authenticated, and never
/// with the password in clear or to a server whose certificate nobody vouches for.
/// </summary>
public sealed class SmtpSecurityTests(SecureMailFactory app) : IClassFixture<SecureMailFactory>
{
    [Fact]
    public async Task The_reset_e_mail_goes_through_STARTTLS_and_authentication()
    {
        var user = await app.CreateStaffAsync(Roles.Receptionist);
        var client = app.CreateBrowserClient();
        var response = await client.PostFormAsync("/Identity/Account/ForgotPassword", [new("Input.Email", user.Email!)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sent = Assert.Single(app.Smtp.Messages, m => m.To.Mailboxes.Single().Address == user.Email);
        Assert.Contains("Recebemos um pedido para redefinir a senha", sent.HtmlBody);
        Assert.Contains(app.Smtp.AuthAttempts, a => a.Contains("accepted encrypted=True", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Smtp.AuthAttempts, a => a.Contains("encrypted=False", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_certificate_nobody_vouches_for_gets_no_password_and_no_message()
    {
        using var server = new SmtpServer(tls: true, requireStartTls: true, user: "clinica", password: "segredo");
        var failure = await Assert.ThrowsAsync<MailNotSentException>(() =>
            Sender(server, SmtpSecurity.StartTls, "clinica", "segredo", trusted: null).SendEmailAsync("p@example.com", "Teste", "<p>oi</p>"));

        Assert.IsType<MailKit.Security.SslHandshakeException>(failure.InnerException);
        Assert.Empty(server.Messages);
        Assert.Empty(server.AuthAttempts);
    }

    [Fact]
    public async Task The_password_is_never_sent_to_a_server_that_offers_no_encryption()
    {
        // The server would take AUTH in clear; the app must not offer it.
        using var server = new SmtpServer(user: "clinica", password: "segredo", authInClear: true);
        var failure = await Assert.ThrowsAsync<MailNotSentException>(() =>
            Sender(server, SmtpSecurity.StartTlsWhenAvailable, "clinica", "segredo").SendEmailAsync("p@example.com", "Teste", "<p>oi</p>"));

        Assert.Contains("no encryption", failure.Message);
        Assert.Empty(server.AuthAttempts);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task Required_STARTTLS_against_a_server_without_it_sends_nothing()
    {
        using var server = new SmtpServer();
        await Assert.ThrowsAsync<MailNotSentException>(() =>
            Sender(server, SmtpSecurity.StartTls).SendEmailAsync("p@example.com", "Teste", "<p>oi</p>"));
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_message_stays_unsent()
    {
        using var server = new SmtpServer(tls: true, requireStartTls: true, user: "clinica", password: "segredo");
        await Assert.ThrowsAsync<MailNotSentException>(() =>
            Sender(server, SmtpSecurity.StartTls, "clinica", "outra senha").SendEmailAsync("p@example.com", "Teste", "<p>oi</p>"));

        Assert.Contains(server.AuthAttempts, a => a.Contains("refused encrypted=True", StringComparison.Ordinal));
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task A_relay_on_the_clinic_LAN_without_encryption_or_password_still_gets_the_message()
    {
        using var server = new SmtpServer();
        await Sender(server, SmtpSecurity.StartTlsWhenAvailable).SendEmailAsync("p@example.com", "Teste", "<p>olá, Conceição</p>");
        var sent = Assert.Single(server.Messages);
        Assert.Contains("olá, Conceição", sent.HtmlBody);
    }

    private static SmtpEmailSender Sender(SmtpServer server, SmtpSecurity security, string user = "", string password = "", string? trusted = "server") =>
        new(Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            From = "clinica@test.neonpro.local",
            Security = security,
            UserName = user,
            Password = password,
            TrustedCertificateSha256 = trusted == "server" ? server.CertificateSha256 ?? "" : trusted ?? "",
        }), NullLogger<SmtpEmailSender>.Instance);
}
