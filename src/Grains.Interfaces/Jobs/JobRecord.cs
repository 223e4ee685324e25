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
    /// <summary>The result table's <c>.dat</c> file in the data directory (its <c>.meta</c> beside it).</summary>
    [Id(9)] public string? ResultPath { get; init; }
    [Id(10)] public int Rows { get; init; }
    [Id(11)] public IReadOnlyList<string> Columns { get; init; } = [];
    /// <summary>The submitted input table's <c>.dat</c> file, kept so the job can run again after a failure.</summary>
    [Id(12)] public string? InputPath { get; init; }
    /// <summary>How many times the job was started (more than one after a silo was lost).</summary>
    [Id(13)] public int Attempts { get; init; }
}
