using Rtl.Data;

namespace Rtl.Jobs;

/// <summary>A durable job (key: job id): its record is persisted before the submission is acknowledged.</summary>
public interface IJobGrain : IGrainWithGuidKey
{
    /// <summary>Persists the record, starts the run, returns at once.</summary>
    Task<JobRecord> Submit(string pipelineJson, string? pipelineName, Table? input);

    /// <summary>As <see cref="Submit"/>, and pushes the run's progress to <paramref name="observer"/> (<c>rtl demo</c> prints it).</summary>
    Task<JobRecord> SubmitObserved(string pipelineJson, string? pipelineName, Table? input, IJobObserver observer);

    /// <summary>The record, or null for an id never submitted.</summary>
    Task<JobRecord?> Get();

    /// <summary>The result table of a completed job, read back from the cluster's job store.</summary>
    Task<Table?> Result();

    /// <summary>Runs an unfinished job again if no activation is running it (after its silo died or every silo restarted).</summary>
    Task Resume();

    /// <summary>Clears the record of a job whose data retention pruned (a job still running is kept).</summary>
    Task Forget();
}

/// <summary>
/// Ids of recent jobs and of unfinished ones (single activation, key 0). While any job is unfinished it
/// keeps asking those jobs to resume, so a job outlives the silo that accepted it.
/// </summary>
public interface IJobIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Records a submitted job; returns once that is persisted.</summary>
    Task Add(Guid jobId);

    /// <summary>Records that a job completed or failed.</summary>
    Task Finished(Guid jobId);

    Task<IReadOnlyList<Guid>> Recent(int count);

    /// <summary>Called by every silo at start: resume whatever was left unfinished.</summary>
    Task Wake();

    /// <summary>Drops pruned jobs from the recent list.</summary>
    Task Forget(IReadOnlyList<Guid> jobIds);
}

/// <summary>
/// Job retention (single activation, key 0): removes the data and records of jobs older than
/// <c>JobRetention</c> or beyond the newest <c>JobRetentionCount</c>; returns how many it removed.
/// </summary>
public interface IJobRetentionGrain : IGrainWithIntegerKey
{
    Task<int> Prune();
}
