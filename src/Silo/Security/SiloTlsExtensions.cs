using Rtl.Client.Security;

namespace Rtl.Silo.Security;

public static class SiloTlsExtensions
{
    /// <summary>
    /// Silo-to-silo and client-to-gateway connections over mutual TLS with the shared cluster certificate:
    /// a silo or client without it cannot connect.
    /// </summary>
    public static ISiloBuilder UseRtlTls(this ISiloBuilder builder, string certificatePath, string? password)
    {
        var certificate = ClusterCertificate.Load(certificatePath, password);
        return builder.UseTls(options => ClusterCertificate.Configure(options, certificate));
    }
}
