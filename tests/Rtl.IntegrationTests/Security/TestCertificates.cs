using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Rtl.IntegrationTests.Security;

/// <summary>Self-signed cluster certificates written as password-protected .pfx files, as an operator would make them.</summary>
public static class TestCertificates
{
    public const string Password = "test-pfx-password";

    public static string WritePfx(string directory, string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false)); // server + client auth
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(directory, subject + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
