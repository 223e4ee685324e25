using Rtl.Jobs;

namespace Rtl.Silo.Hosting;

/// <summary>
/// Keeps the job index awake from every silo: at start, so jobs left unfinished by a crash or a full
/// restart run again, and then periodically, so the index comes back on a surviving silo when the one
/// holding it dies.
/// </summary>
public sealed class JobResumer(IGrainFactory grains, ILogger<JobResumer> log) : PeriodicService(log)
{
    protected override TimeSpan FirstDelay => TimeSpan.FromSeconds(1);

    protected override TimeSpan Period => TimeSpan.FromSeconds(15);

    protected override Task RunOnceAsync(CancellationToken cancellation) => grains.GetGrain<IJobIndexGrain>(0).Wake();
}
