using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Infrastructure.Auth;

namespace NeonPro.Web.Features.Admin;

/// <summary>Creating and looking after staff accounts: used by /Admin/Users and by the create-admin verb.</summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    public sealed record Outcome(bool Succeeded, bool Created, IReadOnlyList<string> Errors, StaffUser? User = null)
    {
        public static Outcome Fail(IEnumerable<IdentityError> errors) => new(false, false, errors.Select(e => e.Description).ToList());
    }

    /// <summary>The four roles exist (idempotent; run at start-up and before any account is made).</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }

    public async Task<Outcome> CreateOrResetAdminAsync(string email, string password, string? fullName)
    {
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

    public async Task<Outcome> CreateAsync(string email, string fullName, string password, IEnumerable<string> roleNames)
    {
        await EnsureRolesAsync();
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
        var wanted = roleNames.Where(Roles.All.Contains).Distinct().ToList();
        if (wanted.Count > 0)
        {
            var r = await users.AddToRolesAsync(user, wanted);
            if (!r.Succeeded) return Outcome.Fail(r.Errors);
        }
        return new Outcome(true, true, [], user);
    }

    /// <summary>Sets a new password without knowing the old one (admin reset); also unlocks the account.</summary>
    public async Task<Outcome> ResetPasswordAsync(StaffUser user, string newPassword)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded) return Outcome.Fail(result.Errors);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return new Outcome(true, false, [], user);
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
