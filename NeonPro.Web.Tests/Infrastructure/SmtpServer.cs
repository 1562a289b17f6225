using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;

namespace NeonPro.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a loopback port for the tests: aiosmtpd (`apt-get install -y python3-aiosmtpd`; .ci/run
/// installs it) run by Infrastructure/smtp_server.py, optionally with STARTTLS on a self-signed certificate made here
/// and AUTH with a user name and password. It keeps what it received in a folder: the messages and the AUTH attempts.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private readonly Process process;
    private int disposed;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "neonpro-smtp", Guid.NewGuid().ToString("N"));

    public int Port { get; }
    /// <summary>The SHA-256 fingerprint of the server's certificate (hex), when it has one.</summary>
    public string? CertificateSha256 { get; }

    public SmtpServer(bool tls = false, bool requireStartTls = false, string? user = null, string? password = null, bool authInClear = false)
    {
        Directory.CreateDirectory(folder);
        Port = LoopbackPorts.Free();
        var arguments = new List<string> { Script, "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", folder };
        if (tls)
        {
            (var cert, var key, CertificateSha256) = SelfSignedCertificate();
            arguments.AddRange(["--cert", cert, "--key", key]);
            if (requireStartTls) arguments.Add("--require-starttls");
        }
        if (user is not null) arguments.AddRange(["--user", user, "--password", password ?? ""]);
        if (authInClear) arguments.Add("--auth-in-clear");

        var start = new ProcessStartInfo("/usr/bin/python3", arguments)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var ready = process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(20)) || ready.Result != "ready")
            throw new InvalidOperationException(
                "The test SMTP server did not start (it needs Debian's python3-aiosmtpd; .ci/run installs it): " + process.StandardError.ReadToEnd());
    }

    private static string Script => Path.Combine(RepositoryPaths.Root, "NeonPro.Web.Tests", "Infrastructure", "smtp_server.py");

    /// <summary>The messages received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages =>
        [.. new DirectoryInfo(folder).GetFiles("*.eml").OrderBy(f => f.CreationTimeUtc).ThenBy(f => f.Name).Select(f => MimeMessage.Load(f.FullName))];

    /// <summary>One line per AUTH attempt: "MECHANISM accepted|refused encrypted=True|False".</summary>
    public IReadOnlyList<string> AuthAttempts
    {
        get
        {
            var log = Path.Combine(folder, "auth.log");
            return File.Exists(log) ? File.ReadAllLines(log) : [];
        }
    }

    private (string Cert, string Key, string Sha256) SelfSignedCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var cert = Path.Combine(folder, "server.crt");
        var key = Path.Combine(folder, "server.key");
        File.WriteAllText(cert, certificate.ExportCertificatePem());
        File.WriteAllText(key, rsa.ExportPkcs8PrivateKeyPem());
        return (cert, key, Convert.ToHexString(SHA256.HashData(certificate.RawData)));
    }

    // The factory's synchronous and asynchronous disposal both reach here: stopping twice must be harmless.
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        try { process.StandardInput.Close(); } catch (IOException) { }
        if (!process.WaitForExit(5000)) process.Kill(entireProcessTree: true);
        process.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
