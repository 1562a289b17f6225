using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Data;

/// <summary>The app with a data-protection certificate, as the README's production section sets it up.</summary>
public sealed class CertificateKeyRingFactory : NeonProFactory
{
    public const string Password = "senha do certificado";

    public string CertificatePath => Path.Combine(DataFolder, "dataprotection.pfx");

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            if (!File.Exists(CertificatePath))
            {
                Directory.CreateDirectory(DataFolder);
                using var rsa = RSA.Create(2048);
                var request = new CertificateRequest("CN=neonpro-dataprotection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, Password));
            }
            return new Dictionary<string, string?>
            {
                ["DataProtection:CertificatePath"] = CertificatePath,
                ["DataProtection:Password"] = Password,
            };
        }
    }
}

/// <summary>With DataProtection:CertificatePath the key ring is stored encrypted, and still opens sign-in cookies.</summary>
public sealed class KeyRingEncryptionTests(CertificateKeyRingFactory app) : IClassFixture<CertificateKeyRingFactory>
{
    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_sign_in_still_works()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Receptionist);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Identity/Account/Manage")).StatusCode);

        await using var db = app.NewDbContext();
        var stored = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("EncryptedXmlDecryptor", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
    }
}
