using System.Diagnostics;
using Rtl.Data;
using Rtl.Hosting;
using Rtl.Jobs;
using Rtl.Pipelines;
using Rtl.Tasks;

namespace Rtl.Grains;

public sealed partial class PipelineGrain
{
    /// <summary>The seed's CHUNKING: only a big stage whose every task is row-local may be split.</summary>
    private bool ShouldChunk(StageDefinition definition, Table table) =>
        options.Value.Chunking
        && table.RowCount > options.Value.ChunkRows
        && definition.Tasks.All(call => registry.TryFind(call.Name, out var task) && task is IRowLocalTask);

    /// <summary>
    /// Deals the table's row ranges round-robin over the active silos, runs each range's tasks there, and
    /// joins the results in order — exactly what the whole stage would have produced.
    /// </summary>
    private async Task<StageResult> RunChunked(Guid job, int stage, StageDefinition definition, Table table, IJobObserver? observer)
    {
        var clock = Stopwatch.StartNew();
        var silos = ActiveSiloAddresses();
        var size = options.Value.ChunkRows;
        var count = (table.RowCount + size - 1) / size;
        var runs = new Task<StageResult>[count];
        for (var chunk = 0; chunk < count; chunk++)
        {
            var start = chunk * size;
            var rows = table.Slice(start, Math.Min(size, table.RowCount - start));
            var key = $"{job:N}/{stage}/c{chunk}";
            var home = silos[chunk % silos.Length];
            // A retry after a lost silo carries no hint, so it is placed on whichever silo is alive.
            runs[chunk] = SiloLoss.Retry(attempt => PlacementHint.On(attempt == 0 ? home : null,
                () => GrainFactory.GetGrain<IChunkGrain>(attempt == 0 ? key : $"{key}/r{attempt}").Run(stage, definition, rows)));
        }

        var results = await Task.WhenAll(runs);
        var timing = ChunkMerge.Timing(stage, results, clock.Elapsed.TotalMilliseconds);
        if (results.FirstOrDefault(r => r.Error is not null) is { } failed)
        {
            return new StageResult(null, timing, failed.Error);
        }

        foreach (var task in timing.Tasks)
        {
            observer?.TaskStarted(job, stage, task.Task);
            observer?.TaskCompleted(job, stage, task.Task, task.Milliseconds, task.Notes);
        }

        return new StageResult(Table.Concat(results.Select(r => r.Table!).ToArray()), timing, null);
    }

    private SiloAddress[] ActiveSiloAddresses() =>
        Grains.ActiveSilos.Of(membership).Select(member => member.SiloAddress).ToArray();
}
