using Rtl.Data;
using Rtl.Jobs;

namespace Rtl.Pipelines;

/// <summary>
/// A stage pinned to one silo (key: <c>{job}/{stage}/on/{attempt}</c>), placed there by the pipeline grain's
/// placement hint: checks the stage's arguments against that silo's files, then runs its tasks there.
/// </summary>
public interface IPinnedStageGrain : IGrainWithStringKey
{
    /// <summary>Runs the stage if this activation is on <paramref name="target"/>; else throws <see cref="PinnedSiloUnavailableException"/>.</summary>
    Task<StageResult> Run(Guid job, int stage, StageDefinition definition, Table table, StageProgress? progress, SiloAddress target);
}
