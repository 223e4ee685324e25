using Orleans.Configuration;
using Rtl.Grains.Hosting;
using Rtl.Silo.Hosting;

namespace Rtl.Silo.Security;

public static class SiloSecurityExtensions
{
    /// <summary>TLS when a certificate is configured, the size limits on what a job may bring in, and errors that always reach the caller.</summary>
    public static ISiloBuilder UseRtlSecurity(this ISiloBuilder builder, RtlOptions options)
    {
        if (options.TlsCertificate is { Length: > 0 } certificate)
        {
            builder.UseRtlTls(certificate, options.TlsCertificatePassword);
        }

        builder.AddIncomingGrainCallFilter<TableSizeLimit>();
        builder.AddIncomingGrainCallFilter<ErrorBoundary>();
        // Orleans' own frame limit (100 MB by default) would refuse a table under MaxTableBytes with a bare
        // "Invalid body size"; size it to the option, so the clear message above is what a caller sees.
        builder.Configure<SiloMessagingOptions>(o => o.MaxMessageBodySize = TableSizeLimit.MessageBodyLimit(options.MaxTableBytes, options.ResolvedMemoryBudget));
        return builder;
    }
}
