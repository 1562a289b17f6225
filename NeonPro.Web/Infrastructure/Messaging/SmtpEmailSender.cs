using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.Options;
using MimeKit;

namespace NeonPro.Web.Infrastructure.Messaging;

/// <summary>How the connection to the mail server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Encrypt with STARTTLS when the server offers it, else send in clear (a relay on the clinic's own LAN).</summary>
    StartTlsWhenAvailable,
    /// <summary>STARTTLS, required: no message leaves unencrypted (usually port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
    /// <summary>Never encrypt.</summary>
    None,
}

/// <summary>The clinic's outgoing mail server: the "Smtp" configuration section.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    public string From { get; set; } = "neonpro@localhost";
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    /// <summary>Unset: StartTls when the older EnableSsl is true, else StartTlsWhenAvailable.</summary>
    public SmtpSecurity? Security { get; set; }
    /// <summary>Before Security existed: true meant STARTTLS. Kept so that an install's configuration keeps working.</summary>
    public bool EnableSsl { get; set; }
    /// <summary>
    /// The SHA-256 fingerprint (hex) of a server certificate to trust although no public authority signed it: a
    /// clinic's own relay with a self-signed certificate. Any other certificate must be valid as usual.
    /// </summary>
    public string TrustedCertificateSha256 { get; set; } = "";

    public SmtpSecurity EffectiveSecurity => Security ?? (EnableSsl ? SmtpSecurity.StartTls : SmtpSecurity.StartTlsWhenAvailable);
}

/// <summary>A message the mail server did not take; the reason is in the inner exception (never the message body).</summary>
public sealed class MailNotSentException(string message, Exception inner) : Exception(message, inner);

/// <summary>Sends the account e-mails (password reset links) through the clinic's SMTP server, with MailKit.</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        var smtp = options.Value;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            // Neither the recipient nor the body is logged: the body carries a reset link, which is a credential.
            logger.LogWarning("E-mail is not configured (Smtp:Host is empty): the message \"{Subject}\" was not sent.", subject);
            return;
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(email));
        message.Subject = subject;
        message.Body = new TextPart(MimeKit.Text.TextFormat.Html) { Text = htmlMessage };

        using var client = new SmtpClient();
        client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
            errors == System.Net.Security.SslPolicyErrors.None || IsTrusted(certificate, smtp.TrustedCertificateSha256);
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SocketOptions(smtp.EffectiveSecurity));
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                // A password is never sent over a connection anyone on the network can read.
                if (!client.IsSecure)
                    throw new MailNotSentException(
                        $"The mail server {smtp.Host}:{smtp.Port} offered no encryption, so the password was not sent: " +
                        "set Smtp:Security to StartTls or SslOnConnect, or use a server that offers STARTTLS.",
                        new AuthenticationException("no TLS"));
                await client.AuthenticateAsync(smtp.UserName, smtp.Password);
            }
            await client.SendAsync(message);
            await client.DisconnectAsync(quit: true);
        }
        catch (Exception e) when (e is ProtocolException or CommandException or AuthenticationException or SslHandshakeException
                                      or SocketException or IOException or ServiceNotConnectedException
                                      // MailKit's answer when STARTTLS is required and the server does not offer it.
                                      or NotSupportedException)
        {
            throw new MailNotSentException($"The mail server {smtp.Host}:{smtp.Port} did not take the message \"{subject}\": {e.Message}", e);
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => throw new InvalidOperationException($"Unknown Smtp:Security {security}"),
    };

    private static bool IsTrusted(X509Certificate? certificate, string sha256)
    {
        if (certificate is null || string.IsNullOrWhiteSpace(sha256)) return false;
        var actual = SHA256.HashData(certificate.GetRawCertData());
        var expected = Convert.FromHexString(sha256.Replace(":", "", StringComparison.Ordinal).Trim());
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}

public static class SmtpSetup
{
    /// <summary>Identity UI's e-mail sender (its default one discards every message), configured from "Smtp".</summary>
    public static IServiceCollection AddSmtpEmailSender(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration("Smtp")
            .Validate(o => o.Port is >= 1 and <= 65535, "Smtp:Port must be a port number, 1 to 65535.")
            .Validate(o => string.IsNullOrWhiteSpace(o.TrustedCertificateSha256) || IsHexSha256(o.TrustedCertificateSha256),
                "Smtp:TrustedCertificateSha256 must be a SHA-256 fingerprint: 64 hexadecimal digits (colons allowed).")
            .ValidateOnStart();
        services.AddTransient<IEmailSender, SmtpEmailSender>();
        return services;
    }

    private static bool IsHexSha256(string value)
    {
        var hex = value.Replace(":", "", StringComparison.Ordinal).Trim();
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit);
    }
}
