using System.Text.RegularExpressions;

namespace NeonPro.E2E.Infrastructure;

/// <summary>
/// The demo clinic as seed-demo made it on this run's database: the demo accounts with the one-time passwords it
/// printed, and the professional linked to the demo professional account. Seeded once per run (see
/// <see cref="AppServer.DemoClinicAsync"/>): seed-demo prints passwords only when it creates the accounts, so a second
/// run could not sign anybody in.
/// </summary>
public sealed partial record DemoClinic(IReadOnlyDictionary<string, string> Passwords, string LinkedProfessionalName, string Report)
{
    public const string ReceptionistEmail = "recepcao@demo.neonpro.local";
    public const string ProfessionalEmail = "profissional@demo.neonpro.local";
    public const string ManagerEmail = "gerente@demo.neonpro.local";

    public string PasswordOf(string email) =>
        Passwords.TryGetValue(email, out var password) ? password : throw new InvalidOperationException($"seed-demo printed no password for {email}:\n{Report}");

    internal static async Task<DemoClinic> SeedAsync(AppServer app)
    {
        var (exitCode, output) = await app.RunVerbAsync("seed-demo");
        if (exitCode != 0) throw new InvalidOperationException($"seed-demo exited with {exitCode}:\n{output}");

        var passwords = AccountLine().Matches(output).ToDictionary(m => m.Groups["email"].Value, m => m.Groups["password"].Value, StringComparer.OrdinalIgnoreCase);
        var linked = LinkedLine().Match(output);
        if (passwords.Count == 0 || !linked.Success)
            throw new InvalidOperationException($"seed-demo did not print the demo accounts and the linked professional:\n{output}");
        return new DemoClinic(passwords, linked.Groups["name"].Value.Trim(), output);
    }

    // "demo account (Receptionist): recepcao@demo.neonpro.local  password: Xy...  (shown once; ...)"
    [GeneratedRegex(@"demo account \([^)]*\): (?<email>\S+)\s+password: (?<password>\S+)")]
    private static partial Regex AccountLine();

    // "professionals: 6 with weekly hours; profissional@demo.neonpro.local linked to Dra. Fulana de Tal"
    [GeneratedRegex(@"profissional@demo\.neonpro\.local linked to (?<name>[^\r\n]+)")]
    private static partial Regex LinkedLine();
}
