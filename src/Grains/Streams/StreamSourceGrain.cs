using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Rtl.Streams;

namespace Rtl.Grains.Streams;

/// <summary>
/// Holds a stream's MQTT subscription on the silo that activated it. Every silo's keeper calls <see cref="Keep"/> every
/// few seconds, so when this silo dies the next call activates the grain — and the connection — on a live one.
/// </summary>
public sealed class StreamSourceGrain(ILocalSiloDetails silo, IOptions<ClusterOptions> cluster, ILogger<StreamSourceGrain> log) : Grain, IStreamSourceGrain
{
    private MqttSource? source;

    public async Task Keep()
    {
        var definition = await GrainFactory.GetGrain<IDataNodeGrain>(this.GetPrimaryKeyString()).Definition();
        var wanted = definition?.ParseSource() as StreamEndpoint.Mqtt;
        if (source is not null && source.Endpoint != wanted)
        {
            await Stop(forgetSession: true);
        }

        if (wanted is not null)
        {
            source ??= new MqttSource(this.GetPrimaryKeyString(), wanted, cluster.Value.ClusterId, silo.SiloAddress.Endpoint.ToString(),
                GrainFactory, log);
        }
    }

    public Task Stop() => Stop(forgetSession: true);

    private async Task Stop(bool forgetSession)
    {
        if (source is { } running)
        {
            source = null;
            await running.StopAsync(forgetSession);
        }
    }

    // The session stays at the broker: the next holder takes it over with what the broker kept meanwhile.
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await Stop(forgetSession: false);
}
