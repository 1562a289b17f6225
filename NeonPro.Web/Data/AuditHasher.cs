using System.Security.Cryptography;
using System.Text;

namespace NeonPro.Web.Data;

/// <summary>
/// Keyed hash (HMAC-SHA256) for identifying values in the audit trail. The same value always hashes the
/// same, so an auditor can still ask "was this CPF changed?", but the audit never holds the value itself.
/// The key lives outside the database (configuration or a file in the data folder): a database copy alone
/// cannot be used to test guesses.
/// </summary>
public sealed class AuditHasher
{
    // Loaded on first use, so verbs that never audit (db-script) do not create the key file.
    private readonly Lazy<byte[]> _key;

    public AuditHasher(byte[] key) : this(() => key) { }

    private AuditHasher(Func<byte[]> loadKey) =>
        _key = new Lazy<byte[]>(() =>
        {
            var key = loadKey();
            if (key.Length < 32) throw new InvalidOperationException("The audit hash key must be at least 32 bytes.");
            return key;
        });

    public string Hash(string value) =>
        "hmac:" + Convert.ToHexStringLower(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(value)).AsSpan(0, 16));

    /// <summary>Reads Audit:HashKey (base64) or the key file in the data folder, creating it on first start.</summary>
    public static AuditHasher FromConfiguration(IConfiguration config, string dataFolder) =>
        new(() => LoadKey(config, dataFolder));

    private static byte[] LoadKey(IConfiguration config, string dataFolder)
    {
        var configured = config["Audit:HashKey"];
        if (!string.IsNullOrWhiteSpace(configured)) return Convert.FromBase64String(configured);

        var path = Path.Combine(dataFolder, "audit-hash.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataFolder);
            var key = RandomNumberGenerator.GetBytes(32);
            try
            {
                using var fs = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                fs.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
            }
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
