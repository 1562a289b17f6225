using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Infrastructure.Auth;

namespace NeonPro.Web.Features.Admin;

/// <summary>
/// Creating and looking after staff accounts: used by /Admin/Users, the create-admin verb and the demo seeder.
/// UserManager saves on every call, so each action runs in one explicit transaction that also holds its audit
/// event: the account change and the event commit together or not at all.
/// </summary>
public sealed class StaffAccounts(
    UserManager<StaffUser> users,
    RoleManager<IdentityRole> roles,
    NeonProDbContext db,
    AuditLog audit,
    IStringLocalizer<SharedResource> T,
    TimeProvider clock)
{
    /// <summary>The EntityType of the explicit audit events about accounts.</summary>
    public const string AuditEntityType = "StaffUser";

    public sealed record Outcome(bool Succeeded, bool Created, IReadOnlyList<string> Errors, StaffUser? User = null)
    {
        /// <summary>Identity's errors with their codes, so a form can put each message beside its field.</summary>
        public IReadOnlyList<IdentityError> IdentityErrors { get; init; } = [];
        /// <summary>The account asked for does not exist.</summary>
        public bool NotFound { get; init; }

        public static Outcome Fail(IEnumerable<IdentityError> errors)
        {
            var list = errors.ToList();
            return new(false, false, list.Select(e => e.Description).ToList()) { IdentityErrors = list };
        }

        public static Outcome Refused(string code, string message) => Fail([new IdentityError { Code = code, Description = message }]);

        public static readonly Outcome Missing = new(false, false, []) { NotFound = true };

        public static Outcome Done(StaffUser user) => new(true, false, [], user);
    }

    /// <summary>Refusal codes of the rules that keep the clinic administrable.</summary>
    public static class RefusalCodes
    {
        public const string DisableSelf = "DisableSelf";
        public const string LastAdmin = "LastAdmin";
        public const string NoRole = "NoRole";
        public const string PersonName = "PersonName";
    }

    // The forms refuse such a name beside the field; this covers every other way in (create-admin on the command line).
    private static Outcome? RefuseName(string? fullName) =>
        Domain.PersonName.HasDirectionalControls(fullName)
            ? Outcome.Refused(RefusalCodes.PersonName, "O nome contém caracteres invisíveis que mudam a direção do texto; digite-o de novo.")
            : null;

    /// <summary>The four roles exist (idempotent; run at start-up and before any account is made).</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }

    public async Task<Outcome> CreateOrResetAdminAsync(string email, string password, string? fullName)
    {
        if (RefuseName(fullName) is { } refused) return refused;
        await EnsureRolesAsync();
        var user = await users.FindByEmailAsync(email);
        var created = user is null;
        if (user is null)
        {
            var create = await CreateAsync(email, fullName ?? "Administrador", password, [Roles.Admin]);
            return create with { Created = true };
        }

        var check = await ValidatePasswordAsync(user, password);
        if (!check.Succeeded) return Outcome.Fail(check.Errors);
        var reset = await ResetPasswordAsync(user, password);
        if (!reset.Succeeded) return reset;
        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            var r = await users.AddToRoleAsync(user, Roles.Admin);
            if (!r.Succeeded) return Outcome.Fail(r.Errors);
        }
        if (fullName is not null) user.FullName = fullName;
        user.IsDisabled = false;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        var u = await users.UpdateAsync(user);
        return u.Succeeded ? new Outcome(true, created, [], user) : Outcome.Fail(u.Errors);
    }

    /// <summary>
    /// Everything Identity would refuse about a new account, all at once (UserManager.CreateAsync stops at the
    /// first failing check, so a form would otherwise show its problems one submit at a time).
    /// </summary>
    public async Task<IReadOnlyList<IdentityError>> ValidateNewAccountAsync(string email, string fullName, string password)
    {
        var candidate = new StaffUser { UserName = email.Trim(), Email = email.Trim(), FullName = fullName.Trim() };
        var errors = new List<IdentityError>();
        foreach (var v in users.UserValidators)
        {
            var r = await v.ValidateAsync(users, candidate);
            if (!r.Succeeded) errors.AddRange(r.Errors);
        }
        var p = await ValidatePasswordAsync(candidate, password);
        if (!p.Succeeded) errors.AddRange(p.Errors);
        return errors;
    }

    /// <summary>Whether an Identity error is about the e-mail (the user name is the e-mail) or the password.</summary>
    public static bool IsAboutEmail(IdentityError e) => e.Code is nameof(IdentityErrorDescriber.InvalidEmail)
        or nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.InvalidUserName)
        or nameof(IdentityErrorDescriber.DuplicateUserName);

    public static bool IsAboutPassword(IdentityError e) =>
        e.Code.StartsWith("Password", StringComparison.Ordinal) || e.Code == "CommonPassword";

    public async Task<Outcome> CreateAsync(string email, string fullName, string password, IEnumerable<string> roleNames)
    {
        if (RefuseName(fullName) is { } refused) return refused;
        await EnsureRolesAsync();
        var wanted = roleNames.Where(Roles.All.Contains).Distinct().ToList();
        return await InOneTransactionAsync(async () =>
        {
            var user = new StaffUser
            {
                UserName = email.Trim(),
                Email = email.Trim(),
                EmailConfirmed = true,
                FullName = fullName.Trim(),
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded) return Outcome.Fail(result.Errors);
            if (wanted.Count > 0)
            {
                var r = await users.AddToRolesAsync(user, wanted);
                if (!r.Succeeded) return Outcome.Fail(r.Errors);
            }
            audit.Add(AuditAction.UserCreated, AuditEntityType, user.Id, new { Roles = wanted.Order().ToList() });
            await db.SaveChangesAsync();
            return new Outcome(true, true, [], user);
        });
    }

    /// <summary>Sets a new password without knowing the old one (admin reset); also unlocks the account.</summary>
    public async Task<Outcome> ResetPasswordAsync(string userId, string newPassword)
    {
        var user = await users.FindByIdAsync(userId);
        return user is null ? Outcome.Missing : await ResetPasswordAsync(user, newPassword);
    }

    /// <summary>Sets a new password without knowing the old one (admin reset); also unlocks the account.</summary>
    public Task<Outcome> ResetPasswordAsync(StaffUser user, string newPassword) => InOneTransactionAsync(async () =>
    {
        // Resetting also renews the security stamp, so sessions opened with the old password end.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded) return Outcome.Fail(result.Errors);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        audit.Add(AuditAction.PasswordReset, AuditEntityType, user.Id, new { Unlocked = true });
        await db.SaveChangesAsync();
        return Outcome.Done(user);
    });

    /// <summary>
    /// A disabled account cannot sign in, and its open sessions end at the next security-stamp check. Nobody
    /// disables themself, and the last active admin stays: otherwise the clinic could lock itself out.
    /// </summary>
    public Task<Outcome> DisableAsync(string userId, string? actingUserId) => InOneTransactionAsync(async () =>
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return Outcome.Missing;
        if (user.Id == actingUserId)
            return Outcome.Refused(RefusalCodes.DisableSelf, T["Você não pode desativar a sua própria conta."]);
        if (user.IsDisabled) return Outcome.Done(user);
        if (await users.IsInRoleAsync(user, Roles.Admin) && !await OtherActiveAdminExistsAsync(user.Id))
            return Outcome.Refused(RefusalCodes.LastAdmin, T["Não é possível desativar o último administrador ativo."]);

        user.IsDisabled = true;
        var r = await users.UpdateSecurityStampAsync(user);
        if (!r.Succeeded) return Outcome.Fail(r.Errors);
        audit.Add(AuditAction.UserDisabled, AuditEntityType, user.Id);
        await db.SaveChangesAsync();
        return Outcome.Done(user);
    });

    public Task<Outcome> EnableAsync(string userId) => InOneTransactionAsync(async () =>
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return Outcome.Missing;
        if (!user.IsDisabled) return Outcome.Done(user);
        user.IsDisabled = false;
        var r = await users.UpdateAsync(user);
        if (!r.Succeeded) return Outcome.Fail(r.Errors);
        audit.Add(AuditAction.UserEnabled, AuditEntityType, user.Id);
        await db.SaveChangesAsync();
        return Outcome.Done(user);
    });

    /// <summary>Ends a lockout after too many wrong passwords (the audit interceptor records the change).</summary>
    public Task<Outcome> UnlockAsync(string userId) => InOneTransactionAsync(async () =>
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return Outcome.Missing;
        var r = await users.SetLockoutEndDateAsync(user, null);
        if (!r.Succeeded) return Outcome.Fail(r.Errors);
        r = await users.ResetAccessFailedCountAsync(user);
        return r.Succeeded ? Outcome.Done(user) : Outcome.Fail(r.Errors);
    });

    /// <summary>Replaces the account's roles; at least one, and the last active admin keeps the Admin role.</summary>
    public async Task<Outcome> SetRolesAsync(string userId, IEnumerable<string> roleNames)
    {
        var wanted = roleNames.Where(Roles.All.Contains).Distinct().Order().ToList();
        if (wanted.Count == 0) return Outcome.Refused(RefusalCodes.NoRole, T["Marque ao menos um perfil."]);
        await EnsureRolesAsync();
        return await InOneTransactionAsync(async () =>
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null) return Outcome.Missing;
            var current = (await users.GetRolesAsync(user)).Order().ToList();
            var removing = current.Except(wanted).ToList();
            var adding = wanted.Except(current).ToList();
            if (removing.Count == 0 && adding.Count == 0) return Outcome.Done(user);
            if (removing.Contains(Roles.Admin) && !user.IsDisabled && !await OtherActiveAdminExistsAsync(user.Id))
                return Outcome.Refused(RefusalCodes.LastAdmin, T["O último administrador ativo não pode perder o perfil Administrador."]);

            if (removing.Count > 0)
            {
                var r = await users.RemoveFromRolesAsync(user, removing);
                if (!r.Succeeded) return Outcome.Fail(r.Errors);
            }
            if (adding.Count > 0)
            {
                var r = await users.AddToRolesAsync(user, adding);
                if (!r.Succeeded) return Outcome.Fail(r.Errors);
            }
            audit.Add(AuditAction.RolesChanged, AuditEntityType, user.Id, new { Before = current, After = wanted });
            await db.SaveChangesAsync();
            return Outcome.Done(user);
        });
    }

    private Task<bool> OtherActiveAdminExistsAsync(string userId) =>
        db.Users.AnyAsync(u => u.Id != userId && !u.IsDisabled &&
            db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)));

    /// <summary>
    /// Runs one account action in a transaction (joining the caller's, if it has one). On SQLite the transaction
    /// starts with the write lock, so the last-admin checks cannot interleave with another admin's change.
    /// </summary>
    private async Task<Outcome> InOneTransactionAsync(Func<Task<Outcome>> action)
    {
        if (db.Database.CurrentTransaction is not null) return await action();
        await using var tx = await db.Database.BeginTransactionAsync();
        var outcome = await action();
        if (outcome.Succeeded) await tx.CommitAsync();
        else
        {
            await tx.RollbackAsync();
            // Whatever UserManager saved before the failure was rolled back; the tracker must not believe otherwise.
            db.ChangeTracker.Clear();
        }
        return outcome;
    }

    private async Task<IdentityResult> ValidatePasswordAsync(StaffUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var v in users.PasswordValidators)
        {
            var r = await v.ValidateAsync(users, user, password);
            if (!r.Succeeded) errors.AddRange(r.Errors);
        }
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }
}
