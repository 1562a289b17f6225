using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Infrastructure.Forms;

namespace NeonPro.Web.Infrastructure.Auth;

/// <summary>Identity's error messages in the user's language (pt-BR by default).</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> L) : IdentityErrorDescriber
{
    private IdentityError E(string code, string message) => new() { Code = code, Description = message };

    public override IdentityError DefaultError() => E(nameof(DefaultError), L["Ocorreu um erro desconhecido."]);
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), L[StaleEditNotice.ChangedBySomeoneElse]);
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), L["Senha incorreta."]);
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), L["O link ou código é inválido ou expirou."]);
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated), L["Já existe um usuário com este login."]);
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), L["O usuário '{0}' é inválido.", userName ?? ""]);
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), L["O e-mail '{0}' é inválido.", email ?? ""]);
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), L["Já existe um usuário '{0}'.", userName]);
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), L["O e-mail '{0}' já está em uso.", email]);
    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), L["O perfil '{0}' é inválido.", role ?? ""]);
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), L["O perfil '{0}' já existe.", role]);
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), L["O usuário já tem uma senha."]);
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), L["O bloqueio não está habilitado para este usuário."]);
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), L["O usuário já tem o perfil '{0}'.", role]);
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), L["O usuário não tem o perfil '{0}'.", role]);
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), L["A senha deve ter pelo menos {0} caracteres.", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), L["A senha deve ter pelo menos {0} caracteres diferentes.", uniqueChars]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), L["A senha deve ter ao menos um símbolo."]);
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), L["A senha deve ter ao menos um número."]);
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), L["A senha deve ter ao menos uma letra minúscula."]);
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), L["A senha deve ter ao menos uma letra maiúscula."]);
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(RecoveryCodeRedemptionFailed), L["Código de recuperação inválido."]);
}
