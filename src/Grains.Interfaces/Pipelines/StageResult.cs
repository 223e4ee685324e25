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
