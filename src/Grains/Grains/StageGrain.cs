using Orleans.Placement;
using Rtl.Data;
using Rtl.Jobs;
using Rtl.Pipelines;

namespace Rtl.Grains;

/// <summary>One stage of one job, placed beside the pipeline grain that calls it.</summary>
[PreferLocalPlacement]
public sealed class StageGrain(ILocalSiloDetails silo) : Grain, IStageGrain
{
    public async Task<StageResult> Run(int stage, StageDefinition definition, Table input, IJobObserver? observer)
    {
        try
        {
            var job = Guid.Parse(this.GetPrimaryKeyString().AsSpan(0, 32));
            return await StageRunner.Run(GrainFactory, job, stage, definition, input, observer, silo.SiloAddress.ToString());
        }
        finally
        {
            // One activation per job and stage: nothing to keep once it has answered.
            DeactivateOnIdle();
        }
    }

    public Task<string> Silo() => Task.FromResult(silo.SiloAddress.ToString());
}
