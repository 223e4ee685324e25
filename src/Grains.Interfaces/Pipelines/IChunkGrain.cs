using Rtl.Data;

namespace Rtl.Pipelines;

/// <summary>
/// One chunk of a split stage (key: <c>{job}/{stage}/c{chunk}</c>): runs the stage's row-local tasks on
/// its rows on whichever silo it was placed on.
/// </summary>
public interface IChunkGrain : IGrainWithStringKey
{
    Task<StageResult> Run(int stage, StageDefinition definition, Table chunk);

    /// <summary>
    /// Runs all but the stage's last task, a two-phase one, on the chunk, then that task's partial aggregates of
    /// the rows (the chunk's first row is <paramref name="firstRow"/> of the stage's table); the rows themselves
    /// are sent back only when <paramref name="keepRows"/>.
    /// </summary>
    Task<StageResult> RunToPartial(int stage, StageDefinition definition, Table chunk, long firstRow, bool keepRows);
}
