using Rtl.Data;
using Rtl.Jobs;
using Rtl.Messaging;
using Rtl.Pipelines;

namespace Rtl.Grains.Pipelines;

public sealed partial class PipelineGrain
{
    /// <summary>
    /// Runs a stage on the silo its <c>"on"</c> names. It cannot move elsewhere: while that silo is lost but not yet
    /// voted out the call is tried again; once it is gone, <see cref="PinnedSiloUnavailableException"/> says so.
    /// </summary>
    private Task<StageResult> RunPinned(Guid job, int stage, StageDefinition definition, Table table, StageProgress? progress, string on) =>
        SiloLoss.Retry(_ =>
        {
            var home = ActiveSilos.Named(membership, stage, on);
            // A fresh key each time: a resumed job runs under the same id and must not meet the last activation.
            return PlacementHint.On(home, () => GrainFactory.GetGrain<IPinnedStageGrain>($"{job:N}/{stage}/on/{Guid.NewGuid():N}")
                .Run(job, stage, definition, table, progress, home));
        });
}
