namespace Rtl.Pipelines;

/// <summary>A pipeline definition that cannot be read or does not fit; the message names where.</summary>
public sealed class PipelineFormatException(string message) : Exception(message);
