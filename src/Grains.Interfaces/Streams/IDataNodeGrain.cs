using Orleans.Concurrency;

namespace Rtl.Streams;

/// <summary>
/// A DataNode (key: the stream's name): windows the rows its source, the web API and the SDK hand it, runs each window
/// through the pipeline grains, and hands results to the sinks, to subscribers and to the live page.
/// </summary>
public interface IDataNodeGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the stream; a stored pipeline's name must exist.</summary>
    Task Define(StreamDefinition definition);

    /// <summary>Null when no stream has this name.</summary>
    [AlwaysInterleave]
    Task<StreamStatus?> Status();

    /// <summary>The definition alone (null when none): what a source's holder connects to.</summary>
    [AlwaysInterleave]
    Task<StreamDefinition?> Definition();

    /// <summary>
    /// Rows for the open window; windows they fill close (and run) before the call returns. A caller awaits each call,
    /// so one source's rows arrive in order, and a pipeline slower than the readings holds its source back.
    /// </summary>
    Task Rows(RowBatch batch);

    /// <summary>Forgets the stream (its open window is dropped); false when there was none.</summary>
    Task<bool> Remove();

    /// <summary>
    /// The kept windows numbered above <paramref name="after"/>, waiting up to <paramref name="wait"/> for one to close;
    /// empty when none did. Null when the stream does not exist.
    /// </summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<StreamWindow>?> WindowsAfter(long after, TimeSpan wait);

    /// <summary>The PNG of plot <paramref name="name"/> drawn for the latest window, or null.</summary>
    [AlwaysInterleave]
    Task<byte[]?> LatestPlot(string name);

    /// <summary>The source's connection as its holder sees it (<c>connected from silo ADDRESS:PORT</c>, <c>connecting from silo …: why</c>).</summary>
    [OneWay]
    Task SourceIs(string state);
}

/// <summary>The names of every stream (single activation, key 0), so silos keep their sources connected and pages list them.</summary>
public interface IStreamCatalogGrain : IGrainWithIntegerKey
{
    Task Add(string name);

    Task Remove(string name);

    [AlwaysInterleave]
    Task<IReadOnlyList<string>> List();
}

/// <summary>Holds a stream's MQTT subscription (key: the stream's name) on whichever silo activates it; a silo's keeper pings it.</summary>
public interface IStreamSourceGrain : IGrainWithStringKey
{
    /// <summary>Connects (or keeps connected) to the definition's source; stops when the stream is gone or not MQTT.</summary>
    Task Keep();

    /// <summary>Drops the connection and its session at the broker (the stream was removed or redefined).</summary>
    Task Stop();
}
