using Rtl.Data;
using Rtl.Jobs;
using Rtl.Tasks;

namespace Rtl.Pipelines;

/// <summary>What one task returned; <see cref="Error"/> without the stage and task, which the stage adds.</summary>
[GenerateSerializer, Immutable]
public sealed record KernelResult(
    [property: Id(0)] Table? Table,
    [property: Id(1)] IReadOnlyList<TaskNote> Notes,
    [property: Id(2)] IReadOnlyList<string> Files,
    [property: Id(3)] RtlError? Error,
    [property: Id(4)] string Silo);

/// <summary>Runs one task's kernel; a stateless worker, so it always runs on the caller's silo.</summary>
public interface ITaskKernelGrain : IGrainWithIntegerKey
{
    Task<KernelResult> Run(Guid job, TaskCall call, Table input);

    /// <summary>A two-phase task's partial aggregates of one chunk (<c>ITwoPhaseTask.Partial</c>), as the result's table.</summary>
    Task<KernelResult> RunPartial(Guid job, TaskCall call, Table chunk, long firstRow);

    /// <summary>A two-phase task's result from its chunks' partials (<c>ITwoPhaseTask.Combine</c>).</summary>
    Task<KernelResult> Combine(Guid job, TaskCall call, Table rows, IReadOnlyList<Table> partials);
}
