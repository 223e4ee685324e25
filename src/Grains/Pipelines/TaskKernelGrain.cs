using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Rtl.Data;
using Rtl.Grains.Hosting;
using Rtl.Grains.Registry;
using Rtl.Jobs;
using Rtl.Pipelines;
using Rtl.Tasks;

namespace Rtl.Grains.Pipelines;

/// <summary>Looks a task up and runs its kernel on the caller's silo; holds no state.</summary>
[StatelessWorker]
public sealed class TaskKernelGrain(TaskRegistry registry, KernelThrottle throttle, IOptions<RtlOptions> options, ILocalSiloDetails silo)
    : Grain, ITaskKernelGrain
{
    private const int OffloadRows = 65_536;

    private string? here;

    private string Here => here ??= silo.SiloAddress.ToString();

    public Task<KernelResult> Run(Guid job, TaskCall call, Table input) =>
        Invoke(job, call, input.RowCount, (task, environment) => task.Run(call.Arguments, input, environment));

    public Task<KernelResult> RunPartial(Guid job, TaskCall call, Table chunk, long firstRow) =>
        Invoke(job, call, chunk.RowCount, (task, environment) =>
            new TaskOutput(TwoPhase(task).Partial(call.Arguments, chunk, firstRow, environment)));

    public Task<KernelResult> Combine(Guid job, TaskCall call, Table rows, IReadOnlyList<Table> partials) =>
        Invoke(job, call, rows.RowCount + partials.Sum(p => p.RowCount), (task, environment) =>
            TwoPhase(task).Combine(call.Arguments, rows, partials, environment));

    private async Task<KernelResult> Invoke(Guid job, TaskCall call, int rows, Func<IRtlTask, ITaskEnvironment, TaskOutput> run)
    {
        if (!registry.TryFind(call.Name, out var task))
        {
            return Failure(new RtlError(RtlErrorKind.Pipeline, registry.Unknown(call.WrittenAs)), Here);
        }

        var environment = TaskEnvironment.For(options.Value, job, silo.Name);
        try
        {
            var output = await throttle.Run(() => run(task, environment), rows > OffloadRows);
            return new KernelResult(output.Table, output.Notes, output.Files, null, Here);
        }
        catch (Exception e)
        {
            return Failure(TaskFailures.Of(e), Here);
        }
    }

    // The pipeline chunks a stage to a partial only when its last task is two-phase.
    private static ITwoPhaseTask TwoPhase(IRtlTask task) =>
        task as ITwoPhaseTask ?? throw new InvalidOperationException($"task '{task.Name}' has no partial aggregates");

    private static KernelResult Failure(RtlError error, string silo) => new(null, [], [], error, silo);
}
