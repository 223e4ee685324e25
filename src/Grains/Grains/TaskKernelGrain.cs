using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Rtl.Data;
using Rtl.Hosting;
using Rtl.Pipelines;
using Rtl.Registry;
using Rtl.Tasks;

namespace Rtl.Grains;

/// <summary>Looks a task up and runs its kernel on the caller's silo; holds no state.</summary>
[StatelessWorker]
public sealed class TaskKernelGrain(TaskRegistry registry, KernelThrottle throttle, IOptions<RtlOptions> options, ILocalSiloDetails silo)
    : Grain, ITaskKernelGrain
{
    private const int OffloadRows = 65_536;

    public async Task<KernelResult> Run(Guid job, TaskCall call, Table input)
    {
        var here = silo.SiloAddress.ToString();
        if (!registry.TryFind(call.Name, out var task))
        {
            return Failure(registry.Unknown(call.WrittenAs), here, isArgument: false);
        }

        var environment = TaskEnvironment.For(options.Value, job, silo.Name);
        try
        {
            var output = await throttle.Run(() => task.Run(call.Arguments, input, environment), input.RowCount > OffloadRows);
            return new KernelResult(output.Table, output.Notes, output.Files, null, here);
        }
        catch (Exception e)
        {
            return Failure(ErrorText.Detail(e), here, e is TaskArgumentException);
        }
    }

    private static KernelResult Failure(string detail, string silo, bool isArgument) =>
        new(null, [], [], detail, silo, isArgument);
}
