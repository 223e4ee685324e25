using Rtl.Jobs;

namespace Rtl.Silo.Web;

/// <summary>Job records as the web app reads them through the silo's own cluster client.</summary>
public static class JobRecords
{
    /// <summary>The record, or null for an id that is not a Guid or was never submitted.</summary>
    public static async Task<JobRecord?> Find(IClusterClient cluster, string id) =>
        Guid.TryParse(id, out var guid) ? await cluster.GetGrain<IJobGrain>(guid).Get() : null;

    /// <summary>Recent jobs, newest first.</summary>
    public static async Task<IReadOnlyList<JobRecord>> Recent(IClusterClient cluster, int count)
    {
        var ids = await cluster.GetGrain<IJobIndexGrain>(0).Recent(Math.Clamp(count, 1, 500));
        var records = await Task.WhenAll(ids.Select(id => cluster.GetGrain<IJobGrain>(id).Get()));
        return records.OfType<JobRecord>().ToArray();
    }
}
