using NeonPro.Web.Infrastructure.Auth;

namespace NeonPro.Web.Features.Admin;

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
}
