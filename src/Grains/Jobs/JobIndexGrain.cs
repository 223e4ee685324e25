using Orleans.Concurrency;
using Rtl.Grains.Hosting;
using Rtl.Jobs;

namespace Rtl.Grains.Jobs;

/// <summary>
/// The recent and the unfinished jobs. Reentrant, with writes grouped: many submissions arriving together
/// share one database write instead of queueing one write each.
/// </summary>
[Reentrant]
public sealed class JobIndexGrain(
    [PersistentState("jobs", StorageNames.Default)] IPersistentState<JobIndexState> state)
    : Grain, IJobIndexGrain
{
    private const int Kept = 2_000;
    private static readonly TimeSpan ResumePeriod = TimeSpan.FromSeconds(5);

    private readonly GroupCommit commit = new(() => state.WriteStateAsync());
    private IGrainTimer? resumer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        EnsureResumer();
        return Task.CompletedTask;
    }

    public async Task Add(Guid jobId)
    {
        // Idempotent: a submission sent again after a lost silo adds its job once.
        if (state.State.Unfinished.Contains(jobId) || state.State.Jobs.Contains(jobId))
        {
            EnsureResumer();
            return;
        }

        state.State.Jobs.Add(jobId);
        state.State.Unfinished.Add(jobId);
        if (state.State.Jobs.Count > Kept)
        {
            state.State.Jobs.RemoveRange(0, state.State.Jobs.Count - Kept);
        }

        await commit.Persist();
        EnsureResumer();
    }

    public async Task Finished(Guid jobId)
    {
        if (state.State.Unfinished.Remove(jobId))
        {
            await commit.Persist();
        }
    }

    public Task<IReadOnlyList<Guid>> Recent(int count) =>
        Task.FromResult<IReadOnlyList<Guid>>(state.State.Jobs.TakeLast(count).Reverse().ToArray());

    public async Task Forget(IReadOnlyList<Guid> jobIds)
    {
        var gone = jobIds.ToHashSet();
        if (state.State.Jobs.RemoveAll(gone.Contains) + state.State.Unfinished.RemoveWhere(gone.Contains) > 0)
        {
            await commit.Persist();
        }
    }

    public Task Wake()
    {
        EnsureResumer();
        return Task.CompletedTask;
    }

    private void EnsureResumer()
    {
        if (resumer is null && state.State.Unfinished.Count > 0)
        {
            resumer = this.RegisterGrainTimer(ResumeUnfinished, new GrainTimerCreationOptions(ResumePeriod, ResumePeriod) { Interleave = true });
        }
    }

    private async Task ResumeUnfinished(CancellationToken cancellation)
    {
        if (state.State.Unfinished.Count == 0)
        {
            resumer?.Dispose();
            resumer = null;
            return;
        }

        DelayDeactivation(ResumePeriod * 3);
        foreach (var job in state.State.Unfinished.ToArray())
        {
            // One-way in spirit: a job whose silo is gone answers once Orleans has moved it.
            _ = GrainFactory.GetGrain<IJobGrain>(job).Resume().ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        }

        await Task.CompletedTask;
    }
}
