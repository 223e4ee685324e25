namespace Rtl.Pipelines;

/// <summary>
/// A stage must run on a silo (its <c>"on"</c>) that is not in the cluster now. A durable job waits for that
/// silo until <c>JobTimeout</c>; a direct run fails at once with this message.
/// </summary>
[GenerateSerializer]
public sealed class PinnedSiloUnavailableException(int stage, string on, string message) : Exception(message)
{
    [Id(0)]
    public int Stage { get; } = stage;

    /// <summary>The silo the stage names.</summary>
    [Id(1)]
    public string On { get; } = on;
}
