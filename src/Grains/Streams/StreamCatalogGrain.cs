using Rtl.Streams;

namespace Rtl.Grains;

[GenerateSerializer]
public sealed class StreamCatalogState
{
    [Id(0)] public SortedSet<string> Names { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The names of the streams, so they can be listed and their sources kept connected.</summary>
public sealed class StreamCatalogGrain(
    [PersistentState("streams", StorageNames.Default)] IPersistentState<StreamCatalogState> state)
    : Grain, IStreamCatalogGrain
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
