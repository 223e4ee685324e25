using Rtl.Grains.Hosting;
using Rtl.Messaging.Bulk;

namespace Rtl.Silo.Hosting.Ports;

/// <summary>The silo's bulk channel for large tables (<see cref="BulkChannel"/>), on the silo's own address.</summary>
public static class BulkChannels
{
    /// <summary>
    /// On unless turned off, and never with TLS: the channel is plain TCP, and a TLS cluster's tables must not
    /// cross the network in the clear, so they stay inside its TLS connections.
    /// </summary>
    public static bool Enabled(RtlOptions options) => options.BulkChannel && options.TlsCertificate is not { Length: > 0 };

    public static IServiceCollection AddRtlBulkChannel(this IServiceCollection services, RtlOptions options)
    {
        if (!Enabled(options))
        {
            return services;
        }

        var bind = SiloPorts.Endpoint(options, options.BulkPort);
        BulkChannel.Register(services, new BulkChannelOptions
        {
            Bind = bind.Address,
            Advertised = SiloPorts.Advertised(options),
            Port = options.BulkPort,
            MinBytes = options.BulkMinBytes,
        });
        return services;
    }
}
