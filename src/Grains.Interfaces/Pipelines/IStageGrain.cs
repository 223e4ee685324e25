using Rtl.Data;
using Rtl.Jobs;

namespace Rtl.Pipelines;

/// <summary>
/// Result of one stage: the table it produced, or the error of the task that stopped it. A chunk of a stage that
/// ends in a two-phase task also carries that task's <see cref="Partial"/> aggregates of its rows.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StageResult(
    [property: Id(0)] Table? Table,
    [property: Id(1)] StageTiming Timing,
    [property: Id(2)] RtlError? Error,
    [property: Id(3)] Table? Partial = null);

/// <summary>
/// Runs one stage's tasks in order on the silo of its caller (a local worker: use key <see cref="Local"/>), so
/// the table stays in that silo's memory between tasks.
/// </summary>
public interface IStageGrain : IGrainWithIntegerKey
{
    /// <summary>The one key: every silo keeps its own workers under it.</summary>
    const long Local = 0;

    Task<StageResult> Run(Guid job, int stage, StageDefinition definition, Table input, StageProgress? progress);
}
