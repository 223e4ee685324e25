namespace Rtl.Grains;

[GenerateSerializer]
public sealed class JobIndexState
{
    [Id(0)] public List<Guid> Jobs { get; set; } = [];
}

/// <summary>The most recent submitted jobs, so <c>rtl jobs</c> can list them.</summary>
public sealed class JobIndexGrain(
    [PersistentState("jobs", StorageNames.Default)] IPersistentState<JobIndexState> state)
    : Grain, IJobIndexGrain
{
    private const int Kept = 10_000;

    public async Task Add(Guid jobId)
    {
        state.State.Jobs.Add(jobId);
        if (state.State.Jobs.Count > Kept)
        {
            state.State.Jobs.RemoveRange(0, state.State.Jobs.Count - Kept);
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<Guid>> Recent(int count) =>
        Task.FromResult<IReadOnlyList<Guid>>(state.State.Jobs.TakeLast(count).Reverse().ToArray());
}
