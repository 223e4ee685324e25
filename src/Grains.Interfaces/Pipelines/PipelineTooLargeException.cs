using Rtl.Jobs;

namespace Rtl.Pipelines;

/// <summary>A pipeline over <see cref="PipelineLimits.MaxJsonBytes"/>: refused unread (HTTP 413).</summary>
[GenerateSerializer]
public sealed class PipelineTooLargeException(string message) : PipelineFormatException(new RtlError(RtlErrorKind.Limit, message));
