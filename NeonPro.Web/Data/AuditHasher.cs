using System.Security.Cryptography;
using System.Text;

namespace NeonPro.Web.Data;

/// <summary>The Audit section.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>The audit hash key, base64 of 32 bytes or more; empty: the key file in the data folder.</summary>
    public string HashKey { get; set; } = "";

    public static bool IsValidKey(string key)
    {
        if (string.IsNullOrWhiteSpace(key)) return true;
        var bytes = new byte[key.Length];
        return Convert.TryFromBase64String(key.Trim(), bytes, out var length) && length >= 32;
    }
}

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

    /// <summary>
    /// A fingerprint of the key, stored in the audit trail when the key is first used (<see cref="AuditKeyCheck"/>),
    /// so a restore that brought the database but not its key is caught at start-up. It is itself a keyed hash of a
    /// fixed text: it tells whether two keys are the same and nothing about the key.
    /// </summary>
    public string Fingerprint =>
        "hmac:" + Convert.ToHexStringLower(HMACSHA256.HashData(_key.Value, "NeonPro audit key fingerprint"u8).AsSpan(0, 16));

    /// <summary>Reads Audit:HashKey (base64) or the key file in the data folder; never creates it (see <see cref="AuditKeyCheck"/>).</summary>
    public static AuditHasher FromConfiguration(AuditOptions options, string dataFolder) =>
        new(() => LoadKey(options, dataFolder));

    /// <summary>The key file in the data folder, used when Audit:HashKey is not set.</summary>
    public static string KeyFilePath(string dataFolder) => Path.Combine(dataFolder, KeyFileName);

    public const string KeyFileName = "audit-hash.key";

    /// <summary>Whether a key is configured or its file exists, without loading or creating it.</summary>
    public static bool KeyExists(AuditOptions options, string dataFolder) =>
        !string.IsNullOrWhiteSpace(options.HashKey) || File.Exists(KeyFilePath(dataFolder));

    /// <summary>
    /// Creates the key file with a new random key, readable by the service user only. Only for a database whose audit
    /// trail is empty: over an existing trail a new key would silently orphan every hashed identifier in it.
    /// </summary>
    public static void CreateKeyFile(string dataFolder)
    {
        var path = KeyFilePath(dataFolder);
        Directory.CreateDirectory(dataFolder);
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var fs = new FileStream(path, options);
            fs.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; use theirs.
        }
    }

    private static byte[] LoadKey(AuditOptions options, string dataFolder)
    {
        var configured = options.HashKey;
        if (!string.IsNullOrWhiteSpace(configured)) return Convert.FromBase64String(configured);

        var path = KeyFilePath(dataFolder);
        if (!File.Exists(path))
            throw new InvalidOperationException(
                $"The audit hash key {path} is missing. Restore it from the backup made with the database, or set Audit:HashKey.");
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
