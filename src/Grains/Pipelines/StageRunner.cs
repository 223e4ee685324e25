using System.Diagnostics;
using Rtl.Data;
using Rtl.Jobs;
using Rtl.Pipelines;
using Rtl.Grains.Hosting;

namespace Rtl.Grains.Pipelines;

/// <summary>A chunk's run of a stage whose last task is two-phase: where its rows start, and whether they go back.</summary>
internal readonly record struct PartialRun(long FirstRow, bool KeepRows);

/// <summary>
/// Runs a stage's tasks in order through the local kernel worker, so the table stays in this silo's
/// memory between tasks. Called in the grain that holds the stage (pipeline, chunk, pinned stage) rather than
/// through a stage grain of its own: that hop stayed on the same silo and cost a grain call per job. The first
/// failing task ends the stage: no partial table is returned.
/// </summary>
internal static class StageRunner
{
    /// <remarks><paramref name="partial"/> is set for a chunk of a stage ending in a two-phase task: that task states its partials.</remarks>
    public static async Task<StageResult> Run(
        ITaskKernelGrain kernel, Guid job, int stage, StageDefinition definition, Table input, StageProgress? progress, string silo,
        PartialRun? partial = null)
    {
        var clock = Stopwatch.StartNew();
        var timings = new List<TaskTiming>();
        var table = input;
        for (var index = 0; index < definition.Tasks.Count; index++)
        {
            var call = definition.Tasks[index];
            var toPartial = partial is not null && index == definition.Tasks.Count - 1;
            progress?.Started(job, stage, index, call.Name);
            var started = clock.Elapsed;
            var result = toPartial ? await kernel.RunPartial(job, call, table, partial!.Value.FirstRow) : await kernel.Run(job, call, table);
            var milliseconds = (clock.Elapsed - started).TotalMilliseconds;
            if (result.Error is not null)
            {
                return new StageResult(null, Timing(stage, silo, clock, table, timings), result.Error.At(stage, call));
            }

            timings.Add(new TaskTiming(call.Name, milliseconds, result.Table!.RowCount, result.Notes, result.Files, result.Silo));
            progress?.Completed(job, stage, index, call.Name, milliseconds, result.Notes);
            if (toPartial)
            {
                // The rows the two-phase task was given; without them (group_by) only their columns.
                var rows = partial!.Value.KeepRows ? table : table.Slice(0, 0);
                return new StageResult(rows, Timing(stage, silo, clock, table, timings), null, result.Table);
            }

            table = result.Table!;
        }

        return new StageResult(table, Timing(stage, silo, clock, table, timings), null);
    }

    private static StageTiming Timing(int stage, string silo, Stopwatch clock, Table table, List<TaskTiming> tasks) =>
        new(stage, silo, clock.Elapsed.TotalMilliseconds, table.RowCount, tasks.ToArray());
}
