using Rtl.Data;
using Rtl.Jobs;
using Rtl.Pipelines;

namespace Rtl.Grains;

/// <summary>One job (key: job id): validates the pipeline, then runs its stages in order.</summary>
public interface IPipelineGrain : IGrainWithGuidKey
{
    Task<JobResult> Run(Pipeline pipeline, Table? input, IJobObserver? observer);

    /// <summary>Runs a pipeline stored with <see cref="INamedPipelineGrain"/>, without resending it.</summary>
    Task<JobResult> RunNamed(string name, Table? input, IJobObserver? observer);
}
