using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rtl.Grains.Hosting;
using Rtl.Grains.Storage;
using Rtl.Jobs;

namespace Rtl.Grains.Jobs;

/// <summary>
/// Prunes old jobs cluster-wide: their blobs from the job store, then their records and their place in the job
/// index. One activation, so silos asking at once prune once.
/// </summary>
public sealed partial class JobRetentionGrain(IJobStore store, IOptions<RtlOptions> options, ILogger<JobRetentionGrain> log)
    : Grain, IJobRetentionGrain
{
    public async Task<int> Prune()
    {
        var retention = options.Value;
        var pruned = await store.PruneAsync(DateTimeOffset.UtcNow - retention.JobRetention, retention.JobRetentionCount);
        if (pruned.Count == 0)
        {
            return 0;
        }

        // In batches: the first prune of a long-lived store may find thousands.
        foreach (var batch in pruned.Chunk(100))
        {
            await Task.WhenAll(batch.Select(job => GrainFactory.GetGrain<IJobGrain>(job).Forget()));
        }

        await GrainFactory.GetGrain<IJobIndexGrain>(0).Forget(pruned);
        LogPruned(log, pruned.Count, retention.JobRetention, retention.JobRetentionCount);
        return pruned.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} job(s) older than {Retention} or beyond the newest {Kept}")]
    private static partial void LogPruned(ILogger log, int count, TimeSpan retention, int kept);
}
