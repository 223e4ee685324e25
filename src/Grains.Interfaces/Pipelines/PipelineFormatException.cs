namespace Rtl.Pipelines;

/// <summary>A pipeline definition that cannot be read or does not fit; the message names where.</summary>
/// <remarks>Serializable so a client sees this type and message, not Orleans' CodecNotFoundException.</remarks>
[GenerateSerializer]
public class PipelineFormatException(string message) : Exception(message);
