namespace Rtl.Grains;

[GenerateSerializer]
public sealed class PipelineCatalogState
{
    [Id(0)] public SortedSet<string> Names { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The names of the stored pipelines, so they can be listed.</summary>
public sealed class PipelineCatalogGrain(
    [PersistentState("catalog", StorageNames.Default)] IPersistentState<PipelineCatalogState> state)
    : Grain, IPipelineCatalogGrain
{
    public async Task Add(string name)
    {
        if (state.State.Names.Add(name))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task Remove(string name)
    {
        if (state.State.Names.Remove(name))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>(state.State.Names.ToArray());
}
