using Microsoft.Extensions.Logging;
using Rtl.Streams;

namespace Rtl.Grains;

/// <summary>
/// Holds a stream's MQTT subscription on the silo that activated it. Every silo's keeper calls <see cref="Keep"/> every
/// few seconds, so when this silo dies the next call activates the grain — and the connection — on a live one.
/// </summary>
public sealed class StreamSourceGrain(ILocalSiloDetails silo, ILogger<StreamSourceGrain> log) : Grain, IStreamSourceGrain
{
    private MqttSource? source;

    public async Task Keep()
    {
        var definition = await GrainFactory.GetGrain<IDataNodeGrain>(this.GetPrimaryKeyString()).Definition();
        var wanted = definition?.ParseSource() as StreamEndpoint.Mqtt;
        if (source is not null && source.Endpoint != wanted)
        {
            await Stop();
        }

        if (wanted is not null)
        {
            source ??= new MqttSource(this.GetPrimaryKeyString(), wanted, silo.SiloAddress.Endpoint.ToString(), this.GetStreamProvider(StreamNames.Provider), GrainFactory, log);
        }
    }

    public async Task Stop()
    {
        if (source is { } running)
        {
            source = null;
            await running.DisposeAsync();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await Stop();
}
