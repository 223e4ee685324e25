using Orleans.Placement;
using Rtl.Data;
using Rtl.Pipelines;

namespace Rtl.Grains;

/// <summary>
/// One chunk of a split stage. Random placement honours the placement hint the pipeline grain sets, so
/// chunks are dealt round-robin over the active silos; after a lost silo a retry lands anywhere alive.
/// </summary>
[RandomPlacement]
public sealed class ChunkGrain(ILocalSiloDetails silo) : Grain, IChunkGrain
{
    public async Task<StageResult> Run(int stage, StageDefinition definition, Table chunk)
    {
        try
        {
            var job = Guid.Parse(this.GetPrimaryKeyString().AsSpan(0, 32));
            return await StageRunner.Run(GrainFactory, job, stage, definition, chunk, null, silo.SiloAddress.ToString());
        }
        finally
        {
            DeactivateOnIdle();
        }
    }
}
