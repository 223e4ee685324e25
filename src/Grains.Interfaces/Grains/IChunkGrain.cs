using Rtl.Data;
using Rtl.Pipelines;

namespace Rtl.Grains;

/// <summary>
/// One chunk of a split stage (key: <c>{job}/{stage}/c{chunk}</c>): runs the stage's row-local tasks on
/// its rows on whichever silo it was placed on.
/// </summary>
public interface IChunkGrain : IGrainWithStringKey
{
    Task<StageResult> Run(int stage, StageDefinition definition, Table chunk);
}
