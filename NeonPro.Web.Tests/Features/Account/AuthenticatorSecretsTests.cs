using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;
using static NeonPro.Web.Tests.Features.Account.AccountTestData;

namespace NeonPro.Web.Tests.Features.Account;

/// <summary>The authenticator key and recovery codes live in Identity's token table and nowhere else.</summary>
public sealed class AuthenticatorSecretsTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    [Fact]
    public async Task Enrolling_an_authenticator_leaves_its_key_and_recovery_codes_in_no_table_but_identitys_own()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Manager);
        const string enable = "/Identity/Account/Manage/EnableAuthenticator";
        var setup = await client.GetDocumentAsync(enable);
        var shownKey = setup.QuerySelector("#authenticator-key")!.TextContent.Trim();
        var key = shownKey.Replace(" ", "").ToUpperInvariant();
        Assert.True(key.Length >= 16, $"no key on the page: '{shownKey}'");

        var paired = await client.PostFormAsync(enable, [new("Input.Code", AuthenticatorCode(key, DateTimeOffset.UtcNow))]);
        Assert.Equal(HttpStatusCode.Redirect, paired.StatusCode);
        var shown = await client.GetDocumentAsync("/Identity/Account/Manage/ShowRecoveryCodes");
        var codes = shown.QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);

        var secrets = new List<string> { key, shownKey, key.ToLowerInvariant() };
        secrets.AddRange(codes);
        var found = await WhereTextOccursAsync(secrets);

        Assert.Empty(found);
        // The manager who enrolled reads on the Audit page that a secret changed, in words, and never the secret.
        var audit = await client.GetStringAsync("/Compliance/Audit?entity=" + Uri.EscapeDataString("IdentityUserToken<string>"));
        Assert.Contains("segredo (não registrado)", audit);
        Assert.DoesNotContain("***", audit);
        Assert.All(secrets, s => Assert.DoesNotContain(s, audit, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// "table.column: secret" for every text value of every table that contains one of the secrets, in any case.
    /// AspNetUserTokens.Value is left out: it is where Identity keeps the key and the codes, to check the next code.
    /// </summary>
    private async Task<List<string>> WhereTextOccursAsync(IReadOnlyList<string> secrets)
    {
        var found = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1)));
        }
        Assert.Contains(columns, c => c == ("AuditEntries", "NewValues"));
        Assert.Contains(columns, c => c == ("AspNetUserTokens", "Value"));

        foreach (var (table, column) in columns)
        {
            if ((table, column) == ("AspNetUserTokens", "Value")) continue;
            await using var command = connection.CreateCommand();
            // Every value read as text, whatever the column's declared type (SQLite keeps what was written).
            command.CommandText = $"SELECT CAST(\"{column}\" AS TEXT) FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var text = reader.GetString(0);
                foreach (var secret in secrets)
                    if (text.Contains(secret, StringComparison.OrdinalIgnoreCase)) found.Add($"{table}.{column}: {secret}");
            }
        }
        return found;
    }
}
