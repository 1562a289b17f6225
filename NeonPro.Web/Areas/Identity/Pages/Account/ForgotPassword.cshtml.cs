using System.ComponentModel.DataAnnotations;
using NeonPro.Web.Infrastructure.Messaging;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NeonPro.Web.Infrastructure.Auth;

namespace NeonPro.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Asks for a password-reset link by e-mail. The answer is the same whether or not the e-mail belongs to
/// an account, so the page cannot be used to find out who works at the clinic.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AuthSetup.SignInRateLimit)]
public class ForgotPasswordModel(
    UserManager<StaffUser> users,
    IEmailSender email,
    IOptions<NeonProOptions> site,
    ILogger<ForgotPasswordModel> logger,
    IStringLocalizer<SharedResource> T) : PageModel
{
    // Only the text is localized; every piece is HTML-encoded, and the link is the one dynamic part.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Informe o e-mail.")]
        [EmailAddress(ErrorMessage = "Informe um e-mail válido.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        // A disabled account could not sign in with a new password anyway: it gets no link.
        if (user is { IsDisabled: false, Email: not null })
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            try
            {
                await email.SendEmailAsync(user.Email, T["Redefinição de senha do NeonPro"], ResetMessage(ResetLink(code)));
            }
            catch (MailNotSentException e)
            {
                // Answering with an error here would tell that the e-mail belongs to an account; the operator
                // sees the failure in the log (without the link, which is a credential).
                logger.LogError(e, "The password reset e-mail could not be sent.");
            }
        }
        return RedirectToPage("./ForgotPasswordConfirmation");
    }

    private string ResetLink(string code)
    {
        var path = Url.Page("/Account/ResetPassword", pageHandler: null, values: new { area = "Identity", code })!;
        // With NeonPro:PublicUrl set, the link does not trust the request's Host header, which a caller could
        // forge to send a victim's reset link to their own server.
        var root = site.Value.PublicUrl is { Length: > 0 } publicUrl
            ? publicUrl.TrimEnd('/')
            : $"{Request.Scheme}://{Request.Host}";
        return root + path;
    }

    private string ResetMessage(string link) =>
        $"<p>{Html.Encode(T["Recebemos um pedido para redefinir a senha da sua conta no NeonPro."])}</p>" +
        $"<p><a href=\"{Html.Encode(link)}\">{Html.Encode(T["Redefinir minha senha"])}</a></p>" +
        $"<p>{Html.Encode(T["Se não foi você, ignore este e-mail: sua senha continua a mesma."])}</p>";
}
