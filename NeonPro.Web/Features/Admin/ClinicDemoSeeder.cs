using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Clinic;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Cli;

namespace NeonPro.Web.Features.Admin;

/// <summary>
/// Demo clinic identity and one demo account per role. Passwords are random and printed once by seed-demo:
/// NeonPro has no default passwords, not even in demo data.
/// </summary>
public sealed class ClinicDemoSeeder(NeonProDbContext db, StaffAccounts accounts) : IDemoSeeder
{
    public int Order => 0;

    private static readonly (string Email, string Name, string Role)[] DemoStaff =
    [
        ("gerente@demo.neonpro.local", "Marina Gerente", Roles.Manager),
        ("recepcao@demo.neonpro.local", "Rafaela Recepção", Roles.Receptionist),
        ("profissional@demo.neonpro.local", "Dra. Helena Profissional", Roles.Professional),
    ];

    public async Task SeedAsync(DemoSize size, DemoSeedReport report, CancellationToken ct)
    {
        var settings = await db.ClinicSettings.FirstOrDefaultAsync(s => s.Id == ClinicSettings.SingletonId, ct);
        if (settings is null)
        {
            db.ClinicSettings.Add(new ClinicSettings
            {
                Name = "Clínica Demo Estética Avançada",
                Cnpj = "11222333000181",
                Street = "Avenida Paulista", Number = "1000", Complement = "Conjunto 101", District = "Bela Vista",
                City = "São Paulo", State = "SP", PostalCode = "01310100", Phone = "+551133334444",
            });
            await db.SaveChangesAsync(ct);
            report.Add("clinic settings: demo clinic created");
        }

        foreach (var (email, name, role) in DemoStaff)
        {
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), ct)) continue;
            var password = NewPassword();
            var outcome = await accounts.CreateAsync(email, name, password, [role]);
            if (!outcome.Succeeded) throw new InvalidOperationException(string.Join("; ", outcome.Errors));
            report.Add($"demo account ({role}): {email}  password: {password}  (shown once; change it or disable the account)");
        }
    }

    private static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(16, alphabet, (span, a) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = a[RandomNumberGenerator.GetInt32(a.Length)];
        });
    }
}
