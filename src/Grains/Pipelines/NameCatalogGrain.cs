namespace Rtl.Grains.Pipelines;

/// <summary>
/// Adds, removes and lists names, writing storage only when the set changed. Each catalog keeps its own state type,
/// so what storage already holds for it reads back as before.
/// </summary>
public abstract class NameCatalogGrain<TState>(IPersistentState<TState> state) : Grain
    where TState : NameCatalogState
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
