using Rtl.Data;
using Rtl.Jobs;
using Rtl.Pipelines;

namespace Rtl.Client;

public sealed partial class RtlClient
{
    /// <summary>Stores a pipeline under a name (replacing one of that name).</summary>
    public Task SavePipelineAsync(string name, Pipeline pipeline, CancellationToken cancellationToken = default) =>
        Call(Unit(cluster.GetGrain<INamedPipelineGrain>(name).Set(pipeline.ToJson())), cancellationToken);

    public Task<IReadOnlyList<string>> ListPipelinesAsync(CancellationToken cancellationToken = default) =>
        Call(cluster.GetGrain<IPipelineCatalogGrain>(0).List(), cancellationToken);

    /// <summary>The stored pipeline, or null when none has this name.</summary>
    public async Task<Pipeline?> GetPipelineAsync(string name, CancellationToken cancellationToken = default)
    {
        var json = await Call(cluster.GetGrain<INamedPipelineGrain>(name).Get(), cancellationToken);
        return json is null ? null : Pipeline.FromJson(json);
    }

    /// <summary>Forgets a stored pipeline; false when there was none of that name.</summary>
    public Task<bool> RemovePipelineAsync(string name, CancellationToken cancellationToken = default) =>
        Call(cluster.GetGrain<INamedPipelineGrain>(name).Remove(), cancellationToken);

    /// <summary>
    /// Why a silo would refuse <paramref name="pipeline"/> on <paramref name="input"/> before running any task (an unknown
    /// task, a bad argument, a missing column, over its memory budget), or null: a check before a submission is acked.
    /// </summary>
    public Task<RtlError?> CheckAsync(Pipeline pipeline, Table? input = null, CancellationToken cancellationToken = default)
    {
        var table = input ?? Table.Empty;
        return Retried(() => pipelines.Check(pipeline, table.Schema, table.RowCount, table.ByteSize),
            cancellationToken);
    }

    /// <summary>
    /// Submits a durable job: its record is persisted before this returns. A silo lost meanwhile is survived: the
    /// submission is sent again under the same job id, which the job accepts once.
    /// </summary>
    public Task<JobRecord> SubmitAsync(Pipeline pipeline, Table? input = null, CancellationToken cancellationToken = default)
    {
        var job = cluster.GetGrain<IJobGrain>(Guid.NewGuid());
        return Retried(() => job.Submit(pipeline.ToJson(), null, input), cancellationToken);
    }

    /// <summary>Submits a durable job of a stored pipeline.</summary>
    public async Task<JobRecord> SubmitAsync(string pipelineName, Table? input = null, CancellationToken cancellationToken = default)
    {
        var pipeline = await GetPipelineAsync(pipelineName, cancellationToken)
            ?? throw new ArgumentException($"no pipeline named '{pipelineName}'", nameof(pipelineName));
        var job = cluster.GetGrain<IJobGrain>(Guid.NewGuid());
        return await Retried(() => job.Submit(pipeline.ToJson(), pipelineName, input), cancellationToken);
    }

    /// <summary>A job's record, or null for an unknown id.</summary>
    public Task<JobRecord?> GetJobAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        Retried(() => cluster.GetGrain<IJobGrain>(jobId).Get(), cancellationToken);

    /// <summary>The result table of a completed job.</summary>
    public Task<Table?> GetJobResultAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        Retried(() => cluster.GetGrain<IJobGrain>(jobId).Result(), cancellationToken);

    /// <summary>
    /// Removes now what retention would remove later: the results, plots and records of jobs older than the silos'
    /// <c>JobRetention</c> or beyond their newest <c>JobRetentionCount</c>. Returns how many jobs went.
    /// </summary>
    public Task<int> PruneJobsAsync(CancellationToken cancellationToken = default) =>
        Call(cluster.GetGrain<IJobRetentionGrain>(0).Prune(), cancellationToken);

    /// <summary>Recent jobs, newest first.</summary>
    public async Task<IReadOnlyList<JobRecord>> ListJobsAsync(int count = 20, CancellationToken cancellationToken = default)
    {
        var ids = await Retried(() => cluster.GetGrain<IJobIndexGrain>(0).Recent(count), cancellationToken);
        var records = await Task.WhenAll(ids.Select(id => GetJobAsync(id, cancellationToken)));
        return records.OfType<JobRecord>().ToArray();
    }

    /// <summary>Polls until the job has completed or failed.</summary>
    public async Task<JobRecord> WaitAsync(Guid jobId, TimeSpan? within = null, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + (within ?? timeout);
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            JobRecord? record;
            try
            {
                record = await GetJobAsync(jobId, cancellationToken);
            }
            catch (RtlConnectionException) when (DateTime.UtcNow < deadline)
            {
                // The silo holding the job went away: the job moves to another silo; keep asking.
                await Task.Delay(delay, cancellationToken);
                continue;
            }

            if (record is null)
            {
                throw new ArgumentException($"no job {jobId}", nameof(jobId));
            }

            if (record.Status is JobStatus.Completed or JobStatus.Failed)
            {
                return record;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new RtlConnectionException($"job {jobId} is still {record.Status.ToString().ToLowerInvariant()} after {(within ?? timeout).TotalSeconds:0} s");
            }

            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(500, delay.TotalMilliseconds * 2));
        }
    }

    private static async Task<bool> Unit(Task task)
    {
        await task;
        return true;
    }
}
