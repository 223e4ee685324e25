using Rtl.Jobs;

namespace Rtl.Pipelines;

/// <summary>A pipeline definition that cannot be read or does not fit; <see cref="Error"/> says where.</summary>
/// <remarks>Serializable so a client sees this type and its error record, not Orleans' CodecNotFoundException.</remarks>
[GenerateSerializer]
public class PipelineFormatException(RtlError error) : Exception(error.ToString())
{
    /// <summary>A refusal located in its words only (the parser's: <c>stage 1: no tasks</c>).</summary>
    public PipelineFormatException(string message)
        : this(new RtlError(RtlErrorKind.Pipeline, message))
    {
    }

    [Id(0)]
    public RtlError Error { get; } = error;
}
