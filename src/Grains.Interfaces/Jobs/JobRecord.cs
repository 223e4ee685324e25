namespace Rtl.Jobs;

public enum JobStatus
{
    Queued = 0,
    Running = 1,
    Completed = 2,
    Failed = 3,
}

/// <summary>The durable record of a submitted job, kept in grain storage.</summary>
[GenerateSerializer]
public sealed record JobRecord
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public JobStatus Status { get; init; }
    [Id(2)] public string? PipelineName { get; init; }
    [Id(3)] public string PipelineJson { get; init; } = "";
    [Id(4)] public DateTimeOffset Submitted { get; init; }
    [Id(5)] public DateTimeOffset? Finished { get; init; }
    [Id(6)] public IReadOnlyList<StageTiming> Stages { get; init; } = [];
    [Id(7)] public double Milliseconds { get; init; }
    [Id(8)] public string? Error { get; init; }
    /// <summary>
    /// The result table's name in the cluster's job store (<c>result.npy</c>); records written before the store
    /// held a <c>.dat</c> path in the data directory of the silo that ran the job.
    /// </summary>
    [Id(9)] public string? ResultPath { get; init; }
    [Id(10)] public int Rows { get; init; }
    [Id(11)] public IReadOnlyList<string> Columns { get; init; } = [];
    /// <summary>The submitted input table's name in the job store, kept until the job ends so it can run again on any silo.</summary>
    [Id(12)] public string? InputPath { get; init; }
    /// <summary>How many times the job was started (more than one after a silo was lost).</summary>
    [Id(13)] public int Attempts { get; init; }
    /// <summary>Every start of the job: when and on which silo.</summary>
    [Id(14)] public IReadOnlyList<JobAttempt> AttemptLog { get; init; } = [];
    /// <summary>What an unfinished job is waiting for (a pinned stage's silo), or null.</summary>
    [Id(15)] public string? WaitingFor { get; init; }
    /// <summary>What stopped a failed job, where and of what kind; <see cref="Error"/> is its sentence (and all a record written before this field has).</summary>
    [Id(16)] public RtlError? Failure { get; init; }
}
