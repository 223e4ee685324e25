using Rtl.Grains.Streams;

namespace Rtl.Silo.Streams;

/// <summary>
/// DataNodes: a stream's rows go to its DataNode grain as calls, awaited one at a time, from its MQTT source (held by
/// one silo, kept connected by every silo's keeper), the web API and the SDK. Nothing polls while no rows come: an
/// idle silo with no stream does no stream work. A silo that dies loses its DataNodes' open windows.
/// </summary>
public static class StreamHosting
{
    public static ISiloBuilder UseRtlStreams(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<MqttPublishers>();
        silo.Services.AddHostedService<StreamKeeper>();
        return silo;
    }
}
