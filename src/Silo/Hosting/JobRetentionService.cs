using Microsoft.Extensions.Options;
using Rtl.Grains.Hosting;
using Rtl.Jobs;

namespace Rtl.Silo.Hosting;

/// <summary>
/// Runs job retention from every silo now and then (the retention grain prunes once however many ask), and
/// clears this silo's own copies of plots older than the retention: the store holds the ones that count.
/// </summary>
public sealed class JobRetentionService(IGrainFactory grains, IOptions<RtlOptions> options, ILogger<JobRetentionService> log)
    : PeriodicService(log)
{
    protected override TimeSpan FirstDelay => TimeSpan.FromMinutes(5);

    protected override TimeSpan Period => TimeSpan.FromMinutes(15);

    protected override async Task RunOnceAsync(CancellationToken cancellation)
    {
        await grains.GetGrain<IJobRetentionGrain>(0).Prune();
        LocalPlots.Prune(options.Value.DataDir, DateTime.UtcNow - options.Value.JobRetention);
    }
}
