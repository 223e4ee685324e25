using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Streams;
using Rtl.Streams;

namespace Rtl.Silo.Streams;

/// <summary>
/// DataNodes on Orleans memory streams: few queues, polled every 5 ms, implicit subscriptions only (each stream's
/// rows go to its DataNode; no subscription table to store). Memory streams keep nothing on disk: a silo that dies
/// loses the rows queued on it and its DataNodes' open windows.
/// </summary>
public static class StreamHosting
{
    public static ISiloBuilder UseRtlStreams(this ISiloBuilder silo)
    {
        silo.AddMemoryStreams(StreamNames.Provider, streams =>
        {
            streams.ConfigurePartitioning(StreamNames.Queues);
            streams.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = StreamNames.PollPeriod));
            streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
        });
        silo.Services.AddSingleton<MqttPublishers>();
        silo.Services.AddHostedService<StreamKeeper>();
        return silo;
    }
}
