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

/// <summary>One stage of one job (key: <c>{job}/{stage}</c>): runs its tasks in order on its own silo.</summary>
public interface IStageGrain : IGrainWithStringKey
{
    Task<StageResult> Run(int stage, StageDefinition definition, Table input, IJobObserver? observer);

    /// <summary>The silo this activation lives on (for locality checks and timings).</summary>
    Task<string> Silo();

    /// <summary>The key of a stage's grain; a retry after a lost silo gets a fresh activation.</summary>
    static string Key(Guid job, int stage, int attempt = 0) =>
        attempt == 0 ? $"{job:N}/{stage}" : $"{job:N}/{stage}/r{attempt}";
}
