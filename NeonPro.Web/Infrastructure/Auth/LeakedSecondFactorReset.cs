using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;

namespace NeonPro.Web.Infrastructure.Auth;

/// <summary>
/// Run at every start, acting once: versions before the Secret mark wrote Identity's token rows (authenticator keys,
/// recovery codes) into the audit trail in clear, where a manager could read them. Those rows cannot be deleted (the
/// chain is append-only), so the secrets they hold are made useless instead: whoever's current key or recovery codes
/// appear in the audit loses both, two-factor is turned off, every session ends (new security stamp), one audit row
/// says why, and a person who had two-factor on must pair an authenticator again before using the app.
/// A second run finds nothing: keys made since are audited only as "***".
/// </summary>
public sealed class LeakedSecondFactorReset(NeonProDbContext db, ILogger<LeakedSecondFactorReset> logger)
{
    // Where and under which names Identity's user store keeps the authenticator's secrets.
    private const string IdentityStore = "[AspNetUserStore]";
    private const string AuthenticatorKey = "AuthenticatorKey";
    private const string RecoveryCodes = "RecoveryCodes";
    /// <summary>The name the audit gives Identity's token rows (AuditInterceptor: generic types as C# writes them).</summary>
    public const string TokenEntityType = "IdentityUserToken<string>";
    public const string Reason = "authenticator-secrets-readable-in-audit-trail";

    /// <summary>Withdraws every leaked authenticator in one transaction; returns how many people were affected.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var leaked = await LeakedValuesAsync(ct);
        if (leaked.Count == 0) return 0;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The same lock the audit's writers take: two app nodes starting together withdraw each key once.
        await DatabaseProviders.LockAuditChainAsync(db, ct);
        var tokens = await db.UserTokens
            .Where(t => t.LoginProvider == IdentityStore && (t.Name == AuthenticatorKey || t.Name == RecoveryCodes))
            .ToListAsync(ct);
        var exposedUserIds = tokens.Where(t => IsExposed(t.Name, t.Value, leaked)).Select(t => t.UserId).ToHashSet();
        if (exposedUserIds.Count == 0) return 0;

        var users = await db.Users.Where(u => exposedUserIds.Contains(u.Id)).ToListAsync(ct);
        foreach (var user in users)
        {
            db.UserTokens.RemoveRange(tokens.Where(t => t.UserId == user.Id));
            var hadTwoFactor = user.TwoFactorEnabled;
            user.TwoFactorEnabled = false;
            // Someone with two-factor on relied on it: they pair a new app before going on. A key that was never
            // confirmed protected nothing; the set-up page simply makes a new one when they open it.
            user.MustEnrollTwoFactor = hadTwoFactor;
            // Ends every session within the stamp check's minute: a recovery code read from the audit may have
            // been used to sign in.
            user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
            db.AuditEntries.Add(new AuditEntry
            {
                Action = AuditAction.SecondFactorReset,
                EntityType = nameof(StaffUser),
                EntityId = user.Id,
                NewValues = JsonSerializer.Serialize(new { Reason, TwoFactorWasEnabled = hadTwoFactor, MustEnrollTwoFactor = hadTwoFactor }),
            });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        // Counts only: the ids are in the audit rows, and no secret reaches the log.
        logger.LogWarning("Withdrew the authenticator of {Count} staff account(s) whose key or recovery codes were readable in the audit trail.", users.Count);
        return users.Count;
    }

    /// <summary>Every token value the audit holds in clear (rows written before the Secret mark existed).</summary>
    private async Task<List<string>> LeakedValuesAsync(CancellationToken ct)
    {
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == TokenEntityType)
            .Select(a => new { a.OldValues, a.NewValues })
            .ToListAsync(ct);
        return rows.SelectMany(r => new[] { r.OldValues, r.NewValues })
            .Select(ClearValue)
            .OfType<string>()
            .Distinct()
            .ToList();
    }

    private static string? ClearValue(string? json)
    {
        if (json is null) return null;
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty("Value", out var value)
            && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            && text != AuditInterceptor.SecretMarker
            ? text
            : null;
    }

    /// <summary>Whether the key, or any one recovery code still unused, can be read in the leaked values.</summary>
    private static bool IsExposed(string name, string? value, List<string> leaked)
    {
        if (string.IsNullOrEmpty(value)) return false;
        // Identity keeps the unused recovery codes in one value, separated by ';', and removes each as it is used.
        var secrets = name == RecoveryCodes ? value.Split(';', StringSplitOptions.RemoveEmptyEntries) : [value];
        return secrets.Any(s => leaked.Any(l => l.Contains(s, StringComparison.OrdinalIgnoreCase)));
    }
}
