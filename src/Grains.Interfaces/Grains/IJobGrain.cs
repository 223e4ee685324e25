using Rtl.Data;
using Rtl.Jobs;

namespace Rtl.Grains;

/// <summary>A durable job (key: job id): its record is persisted before the submission is acknowledged.</summary>
public interface IJobGrain : IGrainWithGuidKey
{
    /// <summary>Persists the record, starts the run, returns at once.</summary>
    Task<JobRecord> Submit(string pipelineJson, string? pipelineName, Table? input);

    /// <summary>The record, or null for an id never submitted.</summary>
    Task<JobRecord?> Get();

    /// <summary>The result table of a completed job, read back from its file.</summary>
    Task<Table?> Result();
}

/// <summary>Ids of recent jobs, newest last (single activation, key 0).</summary>
public interface IJobIndexGrain : IGrainWithIntegerKey
{
    Task Add(Guid jobId);

    Task<IReadOnlyList<Guid>> Recent(int count);
}
