using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rtl.Grains.Hosting;
using Rtl.Grains.Streams.Internals;
using Rtl.Pipelines;
using Rtl.Streams;

namespace Rtl.Grains.Streams;

/// <summary>
/// The DataNode of one stream (key: its name). Rows arrive as calls (<see cref="Rows"/>) from the stream's source;
/// a window closes after N rows or after <c>--every</c> seconds with at least one row; each window runs through the
/// pipeline grains as a job does, then goes to the sinks and to subscribers. The definition, counters and window
/// numbering are persisted after every window; what a silo's death loses is the open window.
/// </summary>
public sealed partial class DataNodeGrain(
    [PersistentState("stream", StorageNames.Default)] IPersistentState<DataNodeState> state,
    IOptions<RtlOptions> options,
    MqttPublishers publishers,
    ILogger<DataNodeGrain> log)
    : Grain, IDataNodeGrain
{
    private readonly WindowResults results = new();
    private readonly IngestRate rate = new();
    private WindowBuffer buffer = new(1);
    private Pipeline? pipeline;
    private IGrainTimer? closer;
    private string source = "—";

    private string Name => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Apply(state.State.Definition);
        return Task.CompletedTask;
    }

    public async Task Define(StreamDefinition definition)
    {
        definition.Validate();
        if (definition.Name != Name)
        {
            throw new StreamDefinitionException("name", $"'{definition.Name}' defined on the stream '{Name}'");
        }

        if (!definition.PipelineIsJson && await GrainFactory.GetGrain<INamedPipelineGrain>(definition.Pipeline).Get() is null)
        {
            var stored = await GrainFactory.GetGrain<IPipelineCatalogGrain>(0).List();
            throw new StreamDefinitionException("pipeline", $"no pipeline named '{definition.Pipeline}' (stored: {(stored.Count == 0 ? "none" : string.Join(", ", stored))})");
        }

        state.State.Definition = definition;
        await state.WriteStateAsync();
        Apply(definition);
        await GrainFactory.GetGrain<IStreamCatalogGrain>(0).Add(Name);
        var holder = GrainFactory.GetGrain<IStreamSourceGrain>(Name);
        await holder.Stop();
        await holder.Keep();
    }

    public Task<StreamDefinition?> Definition() => Task.FromResult(state.State.Definition);

    public Task<StreamStatus?> Status()
    {
        var s = state.State;
        if (s.Definition is not { } definition)
        {
            return Task.FromResult<StreamStatus?>(null);
        }

        var latest = results.Latest;
        return Task.FromResult<StreamStatus?>(new StreamStatus(definition, s.Received, s.Dropped, s.Rejected, s.LastError, s.NextWindow,
            buffer.Count, definition.ParseSource() is StreamEndpoint.Mqtt ? source : "http (rows posted to the API or published from the SDK)",
            rate.PerSecond(DateTimeOffset.UtcNow), [.. s.Recent], latest?.Result, results.PlotNames));
    }

    public async Task<bool> Remove()
    {
        if (state.State.Definition is null)
        {
            return false;
        }

        await GrainFactory.GetGrain<IStreamSourceGrain>(Name).Stop();
        await state.ClearStateAsync();
        state.State = new DataNodeState();
        Apply(null);
        results.Clear();
        await GrainFactory.GetGrain<IStreamCatalogGrain>(0).Remove(Name);
        return true;
    }

    public Task<IReadOnlyList<StreamWindow>?> WindowsAfter(long after, TimeSpan wait) =>
        state.State.Definition is null ? Task.FromResult<IReadOnlyList<StreamWindow>?>(null) : results.After(after, wait);

    public Task<byte[]?> LatestPlot(string name) => Task.FromResult(results.Plot(name));

    public Task SourceIs(string state)
    {
        source = state;
        return Task.CompletedTask;
    }

    /// <summary>Takes on a definition (or none): the buffer's size, the parsed pipeline, the timer that closes windows by age.</summary>
    private void Apply(StreamDefinition? definition)
    {
        closer?.Dispose();
        closer = null;
        if (definition is null)
        {
            buffer.Clear();
            pipeline = null;
            return;
        }

        var kept = buffer;
        buffer = new WindowBuffer(definition.BufferRows);
        if (kept.Count > 0)
        {
            buffer.Add(RowBatch.FromTable(kept.Take(kept.Count, DateTimeOffset.UtcNow)), DateTimeOffset.UtcNow);
        }

        pipeline = definition.PipelineIsJson ? Pipeline.FromJson(definition.Pipeline) : null;
        if (definition.EverySeconds is { } every)
        {
            // Checked ten times a period, so a window closes within a tenth of --every of its time.
            var tick = TimeSpan.FromSeconds(Math.Clamp(every / 10, 0.01, 1));
            closer = this.RegisterGrainTimer(CloseByAge, new GrainTimerCreationOptions(tick, tick));
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        closer?.Dispose();
        return Task.CompletedTask;
    }
}
