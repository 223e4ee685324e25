using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace Rtl.Client.Security;

/// <summary>
/// The one certificate a TLS cluster shares: every silo and client holds the same .pfx, and a peer is
/// accepted only when it presents that very certificate. No CA is needed, and a certificate that is
/// merely valid somewhere else (a public one, another cluster's) is still refused.
/// </summary>
public static class ClusterCertificate
{
    /// <summary>Reads a .pfx with its private key; a missing file or a wrong password is a clear error.</summary>
    public static X509Certificate2 Load(string path, string? password)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"TLS certificate {fullPath} not found (TlsCertificate / --tls-certificate)", fullPath);
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(fullPath, password);
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException($"TLS certificate {fullPath} cannot be read (wrong password, or not a .pfx): {e.Message}", e);
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new ArgumentException($"TLS certificate {fullPath} has no private key; export it as a .pfx with its key");
    }

    /// <summary>Mutual TLS in both directions, trusting exactly <paramref name="certificate"/>.</summary>
    public static void Configure(TlsOptions options, X509Certificate2 certificate)
    {
        options.LocalCertificate = certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        // A self-signed cluster certificate never chains to a trusted root, so chain errors are expected;
        // the identity check is that the peer holds the same certificate (and, TLS proves, its key).
        options.RemoteCertificateValidation = (remote, _, _) => remote.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span);
    }
}
