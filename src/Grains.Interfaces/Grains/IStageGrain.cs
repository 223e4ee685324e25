using Rtl.Data;
using Rtl.Jobs;
using Rtl.Pipelines;

namespace Rtl.Grains;

/// <summary>Result of one stage: the table it produced, or the error of the task that stopped it.</summary>
[GenerateSerializer, Immutable]
public sealed record StageResult(
    [property: Id(0)] Table? Table,
    [property: Id(1)] StageTiming Timing,
    [property: Id(2)] string? Error);

/// <summary>
/// Runs one stage's tasks in order on the silo of its caller (a local worker: use key <see cref="Local"/>), so
/// the table stays in that silo's memory between tasks.
/// </summary>
public interface IStageGrain : IGrainWithIntegerKey
{
    /// <summary>The one key: every silo keeps its own workers under it.</summary>
    const long Local = 0;

    Task<StageResult> Run(Guid job, int stage, StageDefinition definition, Table input, IJobObserver? observer);
}
