
namespace Rtl.Client.Security;

public static class ClientTlsExtensions
{
    /// <summary>Talks to the cluster's gateways over mutual TLS with the shared cluster certificate.</summary>
    public static IClientBuilder UseRtlTls(this IClientBuilder builder, string certificatePath, string? password)
    {
        var certificate = ClusterCertificate.Load(certificatePath, password);
        return builder.UseTls(options => ClusterCertificate.Configure(options, certificate));
    }
}
