using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Account;

/// <summary>Reading back what the account pages left behind: audit rows, account state; and an authenticator app's codes.</summary>
internal static class AccountTestData
{
    public const string Login = "/Identity/Account/Login";

    public static async Task<List<AuditEntry>> AuditRowsAsync(this NeonProFactory app, AuditAction action, string? entityId) =>
        await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == action && a.EntityId == entityId)
            .OrderBy(a => a.Sequence)
            .ToListAsync());

    public static async Task<StaffUser> ReloadAsync(this NeonProFactory app, StaffUser user) =>
        await app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<StaffUser>>().FindByIdAsync(user.Id))!);

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password, bool rememberMe) =>
        await client.PostFormAsync(Login,
        [
            new("Input.Email", email),
            new("Input.Password", password),
            new("Input.RememberMe", rememberMe ? "true" : "false"),
        ]);

    /// <summary>The code an authenticator app shows for the given key (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits).</summary>
    public static string AuthenticatorCode(string base32Key, DateTimeOffset at)
    {
        var key = Base32Decode(base32Key);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6");
    }

    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => c != '=' && c != ' '))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
