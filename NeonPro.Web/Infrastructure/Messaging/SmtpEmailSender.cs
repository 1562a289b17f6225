using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.Options;

namespace NeonPro.Web.Infrastructure.Messaging;

/// <summary>The clinic's outgoing mail server: the "Smtp" configuration section.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    public string From { get; set; } = "neonpro@localhost";
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public bool EnableSsl { get; set; }
}

/// <summary>Sends the account e-mails (password reset links) through the clinic's SMTP server.</summary>
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

        using var message = new MailMessage(new MailAddress(smtp.From), new MailAddress(email))
        {
            Subject = subject,
            SubjectEncoding = Encoding.UTF8,
            Body = htmlMessage,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = true,
        };
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(smtp.UserName)) client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        await client.SendMailAsync(message);
    }
}

public static class SmtpSetup
{
    /// <summary>Identity UI's e-mail sender (its default one discards every message), configured from "Smtp".</summary>
    public static IServiceCollection AddSmtpEmailSender(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration("Smtp");
        services.AddTransient<IEmailSender, SmtpEmailSender>();
        return services;
    }
}
