using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace NeonPro.Web.Infrastructure.Auth;

/// <summary>
/// Identity's user manager with one change: a new authenticator key does not renew the security stamp.
/// The stamp is what ends every other session; Identity renews it on a new key, and the set-up page makes a key as
/// it opens, so with the stamp checked every minute a person still scanning the QR code was signed out and could
/// never enrol. A key that is not yet confirmed protects nothing, so nothing needs ending for it: enabling or
/// disabling two-factor, a password change and an administrator's action still renew the stamp.
/// </summary>
public sealed class StaffUserManager(
    IUserStore<StaffUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<StaffUser> passwordHasher,
    IEnumerable<IUserValidator<StaffUser>> userValidators,
    IEnumerable<IPasswordValidator<StaffUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<StaffUser>> logger)
    : UserManager<StaffUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> ResetAuthenticatorKeyAsync(StaffUser user)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);
        if (Store is not IUserAuthenticatorKeyStore<StaffUser> keys)
            throw new NotSupportedException("The user store keeps no authenticator keys.");
        await keys.SetAuthenticatorKeyAsync(user, GenerateNewAuthenticatorKey(), CancellationToken);
        return await UpdateUserAsync(user);
    }
}
