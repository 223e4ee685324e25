using Orleans.Placement;
using Rtl.Data;
using Rtl.Pipelines;

namespace Rtl.Grains.Pipelines;

/// <summary>
/// One chunk of a split stage. Random placement honours the placement hint the pipeline grain sets, so
/// chunks are dealt round-robin over the active silos; after a lost silo a retry lands anywhere alive.
/// </summary>
[RandomPlacement]
public sealed class ChunkGrain(ILocalSiloDetails silo) : Grain, IChunkGrain
{
    public Task<StageResult> Run(int stage, StageDefinition definition, Table chunk) => RunStage(stage, definition, chunk, null);

    public Task<StageResult> RunToPartial(int stage, StageDefinition definition, Table chunk, long firstRow, bool keepRows) =>
        RunStage(stage, definition, chunk, new PartialRun(firstRow, keepRows));

    private async Task<StageResult> RunStage(int stage, StageDefinition definition, Table chunk, PartialRun? partial)
    {
        try
        {
            var job = Guid.Parse(this.GetPrimaryKeyString().AsSpan(0, 32));
            return await StageRunner.Run(GrainFactory.GetGrain<ITaskKernelGrain>(0), job, stage, definition, chunk, null, silo.SiloAddress.ToString(), partial);
        }
        finally
        {
            DeactivateOnIdle();
        }
    }
}
