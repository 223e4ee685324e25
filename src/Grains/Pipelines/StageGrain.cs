using Orleans.Concurrency;
using Rtl.Data;
using Rtl.Jobs;
using Rtl.Pipelines;

namespace Rtl.Grains.Pipelines;

/// <summary>
/// Runs one stage of a job on its caller's silo. A reentrant local worker holds no state, so one
/// activation serves every stage of every job on its silo and none is created per job.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class StageGrain(ILocalSiloDetails silo) : Grain, IStageGrain
{
    private readonly string here = silo.SiloAddress.ToString();

    public Task<StageResult> Run(Guid job, int stage, StageDefinition definition, Table input, StageProgress? progress) =>
        StageRunner.Run(GrainFactory, job, stage, definition, input, progress, here);
}
