using Microsoft.Extensions.Options;
using Orleans.Placement;
using Rtl.Data;
using Rtl.Grains.Hosting;
using Rtl.Grains.Registry;
using Rtl.Grains.Validation;
using Rtl.Jobs;
using Rtl.Pipelines;
using Rtl.Tasks;

namespace Rtl.Grains.Pipelines;

/// <summary>
/// A stage that must run on one silo. Random placement honours the pipeline grain's hint; if that silo had
/// left by then the grain lands elsewhere, and says so instead of running on the wrong host's files.
/// </summary>
[RandomPlacement]
public sealed class PinnedStageGrain(ILocalSiloDetails silo, TaskRegistry registry, IOptions<RtlOptions> options) : Grain, IPinnedStageGrain
{
    public async Task<StageResult> Run(Guid job, int stage, StageDefinition definition, Table table, StageProgress? progress, SiloAddress target)
    {
        try
        {
            if (!silo.SiloAddress.Equals(target))
            {
                throw new PinnedSiloUnavailableException(stage, definition.On ?? "", $"stage {stage} must run on '{definition.On}' ({target}), which left the cluster");
            }

            // Only this silo can tell whether the stage's files are there: its arguments are checked here.
            var environment = TaskEnvironment.For(options.Value, job, silo.Name);
            PipelineValidator.ValidateStage(stage, definition, TablePlan.Of(table), registry, environment, options.Value.ResolvedMemoryBudget);
            return await StageRunner.Run(GrainFactory.GetGrain<ITaskKernelGrain>(0), job, stage, definition, table, progress, silo.SiloAddress.ToString());
        }
        finally
        {
            DeactivateOnIdle();
        }
    }
}
