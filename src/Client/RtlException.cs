using Rtl.Jobs;

namespace Rtl.Client;

/// <summary>The cluster could not be reached, or a call did not answer in time.</summary>
/// <remarks>Client-side today; serializable like every Rtl exception, so an app's grain may pass it on.</remarks>
[GenerateSerializer]
public sealed class RtlConnectionException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A job failed; <see cref="Result"/> has the timings up to the failure and the located error.</summary>
[GenerateSerializer]
public sealed class RtlJobException(JobResult result) : Exception(result.Error)
{
    [Id(0)]
    public JobResult Result { get; } = result;
}
