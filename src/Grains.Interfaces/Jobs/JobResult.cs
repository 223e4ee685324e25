using Rtl.Data;
using Rtl.Tasks;

namespace Rtl.Jobs;

/// <summary>One task's run inside a stage, and the silo its kernel ran on.</summary>
[GenerateSerializer, Immutable]
public sealed record TaskTiming(
    [property: Id(0)] string Task,
    [property: Id(1)] double Milliseconds,
    [property: Id(2)] int Rows,
    [property: Id(3)] IReadOnlyList<TaskNote> Notes,
    [property: Id(4)] IReadOnlyList<string> Files,
    [property: Id(5)] string Silo);

/// <summary>One stage's run: where, how long, its tasks, and how many chunks it was split into.</summary>
[GenerateSerializer, Immutable]
public sealed record StageTiming(
    [property: Id(0)] int Stage,
    [property: Id(1)] string Silo,
    [property: Id(2)] double Milliseconds,
    [property: Id(3)] int Rows,
    [property: Id(4)] IReadOnlyList<TaskTiming> Tasks,
    [property: Id(5)] int Chunks = 1);

/// <summary>What a job hands back: the final table, timings, files it wrote, or the error that stopped it.</summary>
[GenerateSerializer, Immutable]
public sealed record JobResult(
    [property: Id(0)] Guid JobId,
    [property: Id(1)] Table? Table,
    [property: Id(2)] IReadOnlyList<StageTiming> Stages,
    [property: Id(3)] double Milliseconds,
    [property: Id(4)] RtlError? Failure)
{
    public bool Succeeded => Failure is null;

    /// <summary>What stopped the job, as the sentence the CLI and the web app print; null when it succeeded.</summary>
    public string? Error => Failure?.ToString();

    /// <summary>Every file the tasks wrote (plots, written tables), in order.</summary>
    public IEnumerable<string> Files => Stages.SelectMany(s => s.Tasks).SelectMany(t => t.Files);

    public static JobResult Failed(Guid jobId, IReadOnlyList<StageTiming> stages, double milliseconds, RtlError error) =>
        new(jobId, null, stages, milliseconds, error);
}
