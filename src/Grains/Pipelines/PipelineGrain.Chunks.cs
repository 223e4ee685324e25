using System.Diagnostics;
using Rtl.Data;
using Rtl.Jobs;
using Rtl.Messaging;
using Rtl.Pipelines;
using Rtl.Tasks;
using Rtl.Grains.Hosting;

namespace Rtl.Grains.Pipelines;

public sealed partial class PipelineGrain
{
    /// <summary>
    /// The seed's CHUNKING: only a big stage whose every task is row-local may be split — or whose last task is
    /// two-phase (group_by, average) after row-local ones: chunks then send back its partial aggregates. A stage of
    /// a lone task that keeps its rows (average) stays whole: its chunks would send every row out and back to share
    /// one sum.
    /// </summary>
    private bool ShouldChunk(StageDefinition definition, Table table) =>
        options.Value.Chunking
        && table.RowCount > options.Value.ChunkRows
        && definition.Tasks.SkipLast(1).All(IsRowLocal)
        && (IsRowLocal(definition.Tasks[^1])
            || (TwoPhaseEnd(definition) is { } last && (!last.KeepsRows || definition.Tasks.Count > 1)));

    private bool IsRowLocal(TaskCall call) => registry.TryFind(call.Name, out var task) && task is IRowLocalTask;

    private ITwoPhaseTask? TwoPhaseEnd(StageDefinition definition) =>
        registry.TryFind(definition.Tasks[^1].Name, out var task) ? task as ITwoPhaseTask : null;

    /// <summary>
    /// Deals the table's row ranges round-robin over the active silos, runs each range's tasks there, and
    /// joins the results in order — exactly what the whole stage would have produced. A two-phase last task
    /// combines the chunks' partials here, within rounding of the whole stage's sums.
    /// </summary>
    private async Task<StageResult> RunChunked(Guid job, int stage, StageDefinition definition, Table table, StageProgress? progress)
    {
        var clock = Stopwatch.StartNew();
        var silos = ActiveSiloAddresses();
        var size = options.Value.ChunkRows;
        var count = (table.RowCount + size - 1) / size;
        var twoPhase = IsRowLocal(definition.Tasks[^1]) ? null : TwoPhaseEnd(definition);
        var runs = new Task<StageResult>[count];
        for (var chunk = 0; chunk < count; chunk++)
        {
            var start = chunk * size;
            var rows = table.Slice(start, Math.Min(size, table.RowCount - start));
            var key = $"{job:N}/{stage}/c{chunk}";
            var home = silos[chunk % silos.Length];
            // A retry after a lost silo carries no hint, so it is placed on whichever silo is alive.
            runs[chunk] = SiloLoss.Retry(attempt => PlacementHint.On(attempt == 0 ? home : null, () =>
            {
                var grain = GrainFactory.GetGrain<IChunkGrain>(attempt == 0 ? key : $"{key}/r{attempt}");
                return twoPhase is null ? grain.Run(stage, definition, rows) : grain.RunToPartial(stage, definition, rows, start, twoPhase.KeepsRows);
            }));
        }

        var results = await Task.WhenAll(runs);
        var timing = ChunkMerge.Timing(stage, results, clock.Elapsed.TotalMilliseconds);
        if (results.FirstOrDefault(r => r.Error is not null) is { } failed)
        {
            return new StageResult(null, timing, failed.Error);
        }

        var joined = Table.Concat(results.Select(r => r.Table!).ToArray());
        if (twoPhase is not null)
        {
            (joined, timing, var error) = await Combine(job, stage, definition.Tasks[^1], joined, results, timing, clock);
            if (error is not null)
            {
                return new StageResult(null, timing, error);
            }
        }

        for (var index = 0; index < timing.Tasks.Count; index++)
        {
            var task = timing.Tasks[index];
            progress?.Started(job, stage, index, task.Task);
            progress?.Completed(job, stage, index, task.Task, task.Milliseconds, task.Notes);
        }

        return new StageResult(joined, timing, null);
    }

    /// <summary>The last task's result from the chunks' partials, on this silo; its timing adds the combining.</summary>
    private async Task<(Table Table, StageTiming Timing, RtlError? Error)> Combine(
        Guid job, int stage, TaskCall call, Table rows, StageResult[] chunks, StageTiming timing, Stopwatch clock)
    {
        var started = clock.Elapsed;
        var combined = await Kernel.Combine(job, call, rows, chunks.Select(c => c.Partial!).ToArray());
        if (combined.Error is not null)
        {
            return (rows, timing, combined.Error.At(stage, call));
        }

        var last = timing.Tasks[^1];
        var tasks = timing.Tasks.SkipLast(1).Append(last with
        {
            Milliseconds = last.Milliseconds + (clock.Elapsed - started).TotalMilliseconds,
            Rows = combined.Table!.RowCount,
            Notes = combined.Notes,
        }).ToArray();
        return (combined.Table!, timing with { Tasks = tasks, Rows = combined.Table!.RowCount, Milliseconds = clock.Elapsed.TotalMilliseconds }, null);
    }

    private SiloAddress[] ActiveSiloAddresses() =>
        ActiveSilos.Of(membership).Select(member => member.SiloAddress).ToArray();
}
