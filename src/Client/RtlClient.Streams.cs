using System.Runtime.CompilerServices;
using Rtl.Data;
using Rtl.Messaging;
using Rtl.Streams;

namespace Rtl.Client;

public sealed partial class RtlClient
{
    /// <summary>Creates or replaces a stream (a DataNode); throws <see cref="StreamDefinitionException"/> naming what is wrong.</summary>
    public Task AddStreamAsync(StreamDefinition definition, CancellationToken cancellationToken = default)
    {
        definition.Validate(); // here first: the same message without a round trip
        return Call(Unit(cluster.GetGrain<IDataNodeGrain>(definition.Name).Define(definition)), cancellationToken);
    }

    /// <summary>The stream's counters, last windows and latest result; null when no stream has this name.</summary>
    public Task<StreamStatus?> GetStreamAsync(string name, CancellationToken cancellationToken = default) =>
        Retried(() => cluster.GetGrain<IDataNodeGrain>(name).Status(), cancellationToken);

    public async Task<IReadOnlyList<StreamStatus>> ListStreamsAsync(CancellationToken cancellationToken = default)
    {
        var names = await Retried(() => cluster.GetGrain<IStreamCatalogGrain>(0).List(), cancellationToken);
        var statuses = await Task.WhenAll(names.Select(n => GetStreamAsync(n, cancellationToken)));
        return statuses.OfType<StreamStatus>().ToArray();
    }

    /// <summary>Forgets a stream; false when there was none of that name.</summary>
    public Task<bool> RemoveStreamAsync(string name, CancellationToken cancellationToken = default) =>
        Call(cluster.GetGrain<IDataNodeGrain>(name).Remove(), cancellationToken);

    /// <summary>Puts rows on the stream (every column as <c>&lt;f8</c>); they join its open window.</summary>
    public async Task PublishAsync(string name, Table rows, CancellationToken cancellationToken = default)
    {
        if (await Retried(() => cluster.GetGrain<IDataNodeGrain>(name).Definition(), cancellationToken) is null)
        {
            throw new StreamDefinitionException("name", $"no stream named '{name}'");
        }

        await Call(Unit(cluster.GetGrain<IDataNodeGrain>(name).Rows(RowBatch.FromTable(rows))), cancellationToken);
    }

    /// <summary>
    /// Each window's result from now on (or after window <paramref name="after"/>), in order, as they close. A window
    /// is skipped only if more than the kept windows closed while this was not asking (the subscriber fell far behind).
    /// </summary>
    public async IAsyncEnumerable<StreamWindow> SubscribeAsync(string name, long? after = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var node = cluster.GetGrain<IDataNodeGrain>(name);
        var last = after ?? ((await GetStreamAsync(name, cancellationToken))?.Windows ?? throw new StreamDefinitionException("name", $"no stream named '{name}'")) - 1;
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<StreamWindow>? windows;
            try
            {
                windows = await node.WindowsAfter(last, TimeSpan.FromSeconds(10)).WaitAsync(TimeSpan.FromSeconds(40), cancellationToken);
            }
            catch (Exception e) when (SiloLoss.Is(e) || e is TimeoutException)
            {
                await Task.Delay(TimeSpan.FromSeconds(0.5), cancellationToken); // the stream's silo went: ask again, it moves
                continue;
            }

            if (windows is null)
            {
                yield break; // the stream was removed
            }

            foreach (var window in windows)
            {
                last = window.Window;
                yield return window;
            }
        }
    }
}
