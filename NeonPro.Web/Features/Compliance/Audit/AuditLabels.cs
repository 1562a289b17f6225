using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Infrastructure.Auth;

namespace NeonPro.Web.Features.Compliance.Audit;

/// <summary>The pt-BR names (localizer keys) the audit screen shows for actions, roles and chain breaks.</summary>
public static class AuditLabels
{
    public static string Of(AuditAction action) => action switch
    {
        AuditAction.Insert => "Inclusão",
        AuditAction.Update => "Alteração",
        AuditAction.Delete => "Exclusão",
        AuditAction.SignIn => "Entrada no sistema",
        AuditAction.SignInFailed => "Tentativa de entrada recusada",
        AuditAction.SignInLockedOut => "Conta bloqueada por tentativas",
        AuditAction.SignOut => "Saída do sistema",
        AuditAction.UserCreated => "Usuário criado",
        AuditAction.UserDisabled => "Usuário desativado",
        AuditAction.UserEnabled => "Usuário reativado",
        AuditAction.PasswordReset => "Senha redefinida",
        AuditAction.RolesChanged => "Perfis alterados",
        AuditAction.View => "Consulta",
        AuditAction.Export => "Exportação",
        AuditAction.SecondFactorReset => "Verificação em dois fatores redefinida",
        AuditAction.EmergencyAccess => "Acesso de emergência",
        _ => action.ToString(),
    };

    public static string OfRole(string role) => role switch
    {
        Roles.Admin => "Administrador",
        Roles.Manager => "Gerente",
        Roles.Professional => "Profissional",
        Roles.Receptionist => "Recepcionista",
        _ => role,
    };

    /// <summary>The verdict's wording; {0} is the sequence number of the row where the chain breaks.</summary>
    public static string Of(AuditBreakReason reason) => reason switch
    {
        AuditBreakReason.ContentChanged => "Cadeia violada no registro nº {0}: conteúdo alterado.",
        AuditBreakReason.BrokenLink => "Cadeia violada no registro nº {0}: elo com o registro anterior quebrado.",
        AuditBreakReason.MissingRows => "Cadeia violada no registro nº {0}: registros ausentes antes deste.",
        _ => "Cadeia violada no registro nº {0}.",
    };
}
