namespace Rtl.Streams;

/// <summary>
/// A named standing pipeline over live rows (a DataNode): where rows come from, how many make a window, the
/// pipeline each window runs through (the JSON of either shape, or a stored pipeline's name) and where results go.
/// </summary>
[GenerateSerializer, Immutable]
public sealed partial record StreamDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string Pipeline,
    [property: Id(2)] string Source,
    [property: Id(3)] int Window,
    [property: Id(4)] double? EverySeconds,
    [property: Id(5)] IReadOnlyList<string> Sinks,
    [property: Id(6)] int BufferRows)
{
    public const int MaxWindow = 1_000_000;

    /// <summary>A row's keys beyond this many are refused: a hostile message cannot widen the buffer without bound.</summary>
    public const int MaxColumns = 256;

    /// <summary>The buffer a stream gets unless told: four windows, at least 10,000 rows.</summary>
    public static int DefaultBufferRows(int window) => (int)Math.Min(Math.Max(4L * window, 10_000), 4L * MaxWindow);

    /// <summary>True when <see cref="Pipeline"/> is a JSON definition rather than a stored pipeline's name.</summary>
    public bool PipelineIsJson => Pipeline.TrimStart().StartsWith('{');

    /// <summary>The parsed source, for the silo that connects to it (a method: grain storage persists properties).</summary>
    public StreamEndpoint ParseSource() => StreamEndpoint.ParseSource(Source);
}
