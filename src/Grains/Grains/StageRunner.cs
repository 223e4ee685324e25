using System.Diagnostics;
using Rtl.Data;
using Rtl.Hosting;
using Rtl.Jobs;
using Rtl.Pipelines;

namespace Rtl.Grains;

/// <summary>
/// Runs a stage's tasks in order through the local kernel worker, so the table stays in this silo's
/// memory between tasks. The first failing task ends the stage: no partial table is returned.
/// </summary>
internal static class StageRunner
{
    public static async Task<StageResult> Run(
        IGrainFactory grains, Guid job, int stage, StageDefinition definition, Table input, IJobObserver? observer, string silo)
    {
        var kernel = grains.GetGrain<ITaskKernelGrain>(0);
        var clock = Stopwatch.StartNew();
        var timings = new List<TaskTiming>();
        var table = input;
        foreach (var call in definition.Tasks)
        {
            observer?.TaskStarted(job, stage, call.Name);
            var started = clock.Elapsed;
            var result = await kernel.Run(job, call, table);
            var milliseconds = (clock.Elapsed - started).TotalMilliseconds;
            if (result.Error is not null)
            {
                return new StageResult(null, Timing(stage, silo, clock, table, timings),
                    ErrorText.At(stage, call, result.Error, result.ErrorIsArgument));
            }

            table = result.Table!;
            timings.Add(new TaskTiming(call.Name, milliseconds, table.RowCount, result.Notes, result.Files, result.Silo));
            observer?.TaskCompleted(job, stage, call.Name, milliseconds, result.Notes);
        }

        return new StageResult(table, Timing(stage, silo, clock, table, timings), null);
    }

    private static StageTiming Timing(int stage, string silo, Stopwatch clock, Table table, List<TaskTiming> tasks) =>
        new(stage, silo, clock.Elapsed.TotalMilliseconds, table.RowCount, tasks.ToArray());
}
