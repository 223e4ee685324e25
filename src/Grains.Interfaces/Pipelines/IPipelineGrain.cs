using Rtl.Data;
using Rtl.Jobs;

namespace Rtl.Pipelines;

/// <summary>
/// Runs jobs: validates a pipeline, then runs its stages in order. A local worker on the silo the call
/// arrives at (use key <see cref="Local"/>); the job id travels with each call.
/// </summary>
public interface IPipelineGrain : IGrainWithIntegerKey
{
    /// <summary>The one key: every silo keeps its own workers under it.</summary>
    const long Local = 0;

    Task<JobResult> Run(Guid job, Pipeline pipeline, Table? input, IJobObserver? observer);

    /// <summary>
    /// What <see cref="Run"/> would refuse before any task runs on an input of this schema and size — an unknown task,
    /// a bad argument, a missing column, over the memory budget — or null. Pinned stages are checked where they run.
    /// </summary>
    Task<RtlError?> Check(Pipeline pipeline, TableSchema schema, long rows, long bytes);

    /// <summary>Runs a pipeline stored with <see cref="INamedPipelineGrain"/>, without resending it.</summary>
    Task<JobResult> RunNamed(Guid job, string name, Table? input, IJobObserver? observer);
}
