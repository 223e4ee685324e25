using System.Diagnostics;
using Orleans.Placement;
using Rtl.Data;
using Rtl.Hosting;
using Rtl.Jobs;
using Rtl.Pipelines;

namespace Rtl.Grains;

/// <summary>
/// Runs one stage's tasks in order through the local kernel worker, so the table stays in this silo's
/// memory between tasks. The first failing task fails the stage: no partial table is returned.
/// </summary>
[PreferLocalPlacement]
public sealed class StageGrain(ILocalSiloDetails silo) : Grain, IStageGrain
{
    public async Task<StageResult> Run(int stage, StageDefinition definition, Table input, IJobObserver? observer)
    {
        var job = Guid.Parse(this.GetPrimaryKeyString().AsSpan(0, 32));
        var kernel = GrainFactory.GetGrain<ITaskKernelGrain>(0);
        var here = silo.SiloAddress.ToString();
        var clock = Stopwatch.StartNew();
        var timings = new List<TaskTiming>();
        var table = input;
        try
        {
            foreach (var call in definition.Tasks)
            {
                observer?.TaskStarted(job, stage, call.Name);
                var started = clock.Elapsed;
                var result = await kernel.Run(job, call, table);
                var milliseconds = (clock.Elapsed - started).TotalMilliseconds;
                if (result.Error is not null)
                {
                    return new StageResult(null, Timing(stage, here, clock, table, timings),
                        ErrorText.At(stage, call, result.Error, result.ErrorIsArgument));
                }

                table = result.Table!;
                timings.Add(new TaskTiming(call.Name, milliseconds, table.RowCount, result.Notes, result.Files, result.Silo));
                observer?.TaskCompleted(job, stage, call.Name, milliseconds, result.Notes);
            }

            return new StageResult(table, Timing(stage, here, clock, table, timings), null);
        }
        finally
        {
            // One activation per job and stage: nothing to keep once it has answered.
            DeactivateOnIdle();
        }
    }

    public Task<string> Silo() => Task.FromResult(silo.SiloAddress.ToString());

    private static StageTiming Timing(int stage, string silo, Stopwatch clock, Table table, List<TaskTiming> tasks) =>
        new(stage, silo, clock.Elapsed.TotalMilliseconds, table.RowCount, tasks.ToArray());
}
