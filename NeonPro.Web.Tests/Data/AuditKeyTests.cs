using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Data;

/// <summary>
/// The database and the audit hash key are restored together or the app does not start: a trail whose key is
/// missing or different is refused, and no new key is ever made over an existing trail.
/// </summary>
public class AuditKeyTests : IClassFixture<NeonProFactory>
{
    private readonly NeonProFactory _original;

    public AuditKeyTests(NeonProFactory original) => _original = original;

    /// <summary>A copy of the original install's database (with audit rows) in a new data folder, as a restore would put it.</summary>
    private async Task<string> RestoredDatabaseWithoutKeyAsync()
    {
        await _original.CreateStaffAsync(Roles.Receptionist);
        var folder = NeonProFactory.NewDataFolder();
        Directory.CreateDirectory(folder);
        await using (var db = _original.NewDbContext())
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {Path.Combine(folder, "neonpro.db")}");
        return folder;
    }

    [Fact]
    public async Task A_database_restored_without_its_key_stops_the_app_and_names_the_file()
    {
        var folder = await RestoredDatabaseWithoutKeyAsync();
        using var restored = NeonProFactory.OnDataFolder(folder);

        var failure = Assert.ThrowsAny<Exception>(() => restored.Services);

        Assert.Contains("audit-hash.key is missing", Message(failure));
        Assert.Contains("Audit:HashKey", Message(failure));
        Assert.False(File.Exists(Path.Combine(folder, "audit-hash.key")), "a new key was generated over the existing trail");
    }

    [Fact]
    public async Task A_database_restored_with_a_different_key_stops_the_app()
    {
        var folder = await RestoredDatabaseWithoutKeyAsync();
        var otherKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await File.WriteAllTextAsync(Path.Combine(folder, "audit-hash.key"), otherKey);
        using var restored = NeonProFactory.OnDataFolder(folder);

        var failure = Assert.ThrowsAny<Exception>(() => restored.Services);

        Assert.Contains("not the one this database's audit trail was written with", Message(failure));
        Assert.Equal(otherKey, await File.ReadAllTextAsync(Path.Combine(folder, "audit-hash.key")));
    }

    [Fact]
    public async Task A_database_restored_with_its_key_starts_and_its_hashes_still_match()
    {
        var folder = await RestoredDatabaseWithoutKeyAsync();
        File.Copy(Path.Combine(_original.DataFolder, "audit-hash.key"), Path.Combine(folder, "audit-hash.key"));
        using var restored = NeonProFactory.OnDataFolder(folder);

        var client = restored.CreateClient();
        var health = await client.GetAsync("/health");

        health.EnsureSuccessStatusCode();
        Assert.Equal(_original.Services.GetRequiredService<AuditHasher>().Hash("123.456.789-09"),
            restored.Services.GetRequiredService<AuditHasher>().Hash("123.456.789-09"));
    }

    [Fact]
    public async Task The_first_start_records_the_key_fingerprint_in_the_trail()
    {
        await using var db = _original.NewDbContext();
        var recorded = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.AuditKeyRecorded).ToListAsync();

        var row = Assert.Single(recorded);
        Assert.Equal(_original.Services.GetRequiredService<AuditHasher>().Fingerprint, await AuditKeyCheck.RecordedFingerprintAsync(db));
        Assert.DoesNotContain(await File.ReadAllTextAsync(Path.Combine(_original.DataFolder, "audit-hash.key")), row.NewValues);
    }

    private static string Message(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Message(e.InnerException);
}
