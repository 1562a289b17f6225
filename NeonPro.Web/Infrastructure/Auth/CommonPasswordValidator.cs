using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace NeonPro.Web.Infrastructure.Auth;

/// <summary>
/// Refuses passwords that appear on common-password lists or that contain the account's own name or
/// e-mail (OWASP ASVS 2.1.7 asks for a breached-password check; this list is the offline part of it).
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> L) : IPasswordValidator<StaffUser>
{
    // Lower-case; compared after trimming and lower-casing. Brazilian favourites included.
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "1234567890", "12345678910", "0123456789", "123456789a", "1234567890a", "qwertyuiop", "qwerty1234",
        "password123", "password1234", "passw0rd123", "senha12345", "senha123456", "minhasenha", "minhasenha1",
        "mudar12345", "mudar123456", "trocar12345", "admin12345", "admin123456", "administrador", "1q2w3e4r5t",
        "1q2w3e4r5t6y", "q1w2e3r4t5", "abcdefghij", "abc1234567", "aaaaaaaaaa", "iloveyou12", "brasil1234",
        "brasil12345", "flamengo123", "corinthians", "palmeiras123", "saopaulo123", "neonpro123", "neonpro1234",
        "clinica123", "clinica1234", "estetica123", "welcome123", "bemvindo123", "11111111111", "0000000000",
        "9876543210", "asdfghjkl1", "zxcvbnm123", "letmein123", "monkey1234", "dragon1234", "football12",
        "princesa123", "jesus12345", "deusefiel", "deusefiel1", "amor123456", "teamo12345",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var p = password.Trim().ToLowerInvariant();
        var errors = new List<IdentityError>();
        if (Common.Contains(p) || p.Distinct().Count() <= 2)
            errors.Add(new IdentityError { Code = "CommonPassword", Description = L["Esta senha é muito comum. Escolha outra, de preferência uma frase."] });

        var local = (user.Email ?? user.UserName ?? "").Split('@')[0].ToLowerInvariant();
        if (local.Length >= 4 && p.Contains(local, StringComparison.Ordinal))
            errors.Add(new IdentityError { Code = "PasswordContainsUserName", Description = L["A senha não pode conter o seu usuário ou e-mail."] });

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
