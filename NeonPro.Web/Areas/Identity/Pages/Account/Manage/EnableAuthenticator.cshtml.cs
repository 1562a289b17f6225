using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;
using NeonPro.Web.Infrastructure.Auth;

namespace NeonPro.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Pairing an authenticator app: a shared key shown as text and as a QR code, confirmed by one code from the app.</summary>
[Authorize]
public class EnableAuthenticatorModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, IStringLocalizer<SharedResource> T) : PageModel
{
    private const string Issuer = "NeonPro";
    private const int RecoveryCodeCount = 10;

    [BindProperty] public InputModel Input { get; set; } = new();
    /// <summary>The key in groups of four, for typing into the app by hand.</summary>
    public string SharedKey { get; private set; } = "";
    /// <summary>The QR code as an SVG data URI: an image, so the page needs no script and no style element.</summary>
    public string QrCodeDataUri { get; private set; } = "";
    [TempData] public string[]? RecoveryCodes { get; set; }
    [TempData] public string? StatusMessage { get; set; }
    /// <summary>The person's authenticator was withdrawn and the app stays closed until they pair one again.</summary>
    public bool MustEnroll { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Informe o código.")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "O código tem 6 dígitos.")]
        [Display(Name = "Código de verificação")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        if (!ModelState.IsValid) return await InvalidAsync(user);

        var code = Input.Code.Replace(" ", "").Replace("-", "");
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError(nameof(Input) + "." + nameof(Input.Code), T["Código de verificação inválido."]);
            return await InvalidAsync(user);
        }

        // Saved with two-factor itself, in the same update.
        user.MustEnrollTwoFactor = false;
        await users.SetTwoFactorEnabledAsync(user, true);
        // Enabling renews the security stamp, which would end this session at the next check: reissue its cookie.
        await signIn.RefreshSignInAsync(user);
        StatusMessage = T["O aplicativo autenticador foi configurado."];
        if (await users.CountRecoveryCodesAsync(user) == 0)
        {
            RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToArray() ?? [];
            return RedirectToPage("./ShowRecoveryCodes");
        }
        return RedirectToPage("./TwoFactorAuthentication");
    }

    private async Task<IActionResult> InvalidAsync(StaffUser user)
    {
        await LoadKeyAsync(user);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadKeyAsync(StaffUser user)
    {
        MustEnroll = user.MustEnrollTwoFactor;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = FormatKey(key);
        var account = user.Email ?? user.UserName ?? user.Id;
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        QrCodeDataUri = QrSvgDataUri(uri);
    }

    private static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) text.Append(' ');
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return text.ToString().ToLowerInvariant();
    }

    private static string QrSvgDataUri(string content)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.Q);
        using var qr = new SvgQRCode(data);
        var svg = qr.GetGraphic(5);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
