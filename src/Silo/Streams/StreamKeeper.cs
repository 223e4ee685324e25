using Rtl.Silo.Hosting;
using Rtl.Streams;

namespace Rtl.Silo.Streams;

/// <summary>
/// Keeps every stream's MQTT source connected somewhere in the cluster: every silo pings each stream's source holder
/// every few seconds, so a holder lost with its silo is activated — and reconnects — on a live one.
/// </summary>
public sealed class StreamKeeper(IGrainFactory grains, ILogger<StreamKeeper> log) : PeriodicService(log)
{
    protected override TimeSpan FirstDelay => TimeSpan.FromSeconds(1);

    protected override TimeSpan Period => TimeSpan.FromSeconds(3);

    protected override async Task RunOnceAsync(CancellationToken cancellation)
    {
        foreach (var name in await grains.GetGrain<IStreamCatalogGrain>(0).List())
        {
            await grains.GetGrain<IStreamSourceGrain>(name).Keep();
        }
    }
}
