using System.Net;
using Rtl.Grains.Hosting;

namespace Rtl.Silo.Hosting.Ports;

/// <summary>Where a silo's Orleans listeners bind, and the checks that keep them its own.</summary>
public static class SiloPorts
{
    /// <summary>The address other silos and clients reach this one at (default loopback).</summary>
    public static IPAddress Advertised(RtlOptions options) =>
        options.AdvertisedAddress is { Length: > 0 } a ? IPAddress.Parse(a) : IPAddress.Loopback;

    /// <summary>A silo advertised beyond loopback listens on every address; a loopback one on loopback only.</summary>
    public static bool ListensOnAnyAddress(RtlOptions options) => !IPAddress.IsLoopback(Advertised(options));

    /// <summary>Before Orleans starts: the silo and gateway ports must be free.</summary>
    public static void EnsureFree(RtlOptions options)
    {
        ExclusivePorts.EnsureFree(Endpoint(options, options.SiloPort), "silo", "silo-port");
        ExclusivePorts.EnsureFree(Endpoint(options, options.GatewayPort), "gateway", "gateway-port");
        if (BulkChannels.Enabled(options))
        {
            ExclusivePorts.EnsureFree(Endpoint(options, options.BulkPort), "bulk channel", "bulk-port");
        }
    }

    /// <summary>Once Orleans listens: nobody else may listen on them too.</summary>
    public static void EnsureSole(RtlOptions options)
    {
        ExclusivePorts.EnsureSole(Endpoint(options, options.SiloPort), "silo", "silo-port");
        ExclusivePorts.EnsureSole(Endpoint(options, options.GatewayPort), "gateway", "gateway-port");
        if (BulkChannels.Enabled(options) && options.BulkPort != 0)
        {
            ExclusivePorts.EnsureSole(Endpoint(options, options.BulkPort), "bulk channel", "bulk-port");
        }
    }

    internal static IPEndPoint Endpoint(RtlOptions options, int port) =>
        new(ListensOnAnyAddress(options) ? IPAddress.Any : Advertised(options), port);
}
