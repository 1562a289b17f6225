using Microsoft.Extensions.Localization;

namespace NeonPro.Web.Infrastructure.Auth;

/// <summary>The pt-BR name of each role (the localizer key; role names themselves are stored in English).</summary>
public static class RoleLabels
{
    public static string Of(string role) => role switch
    {
        Roles.Admin => "Administrador",
        Roles.Manager => "Gerente",
        Roles.Professional => "Profissional",
        Roles.Receptionist => "Recepcionista",
        _ => role,
    };

    /// <summary>Roles as the audit trail stores them ("Manager,Professional"), in the user's words.</summary>
    public static string Names(IStringLocalizer T, string? roles) =>
        string.Join(", ", (roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => T[Of(r)].Value));
}
