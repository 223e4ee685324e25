using Rtl.Grains.Hosting;
using Rtl.Pipelines;

namespace Rtl.Grains.Pipelines;

/// <summary>A stored pipeline: apps run it by name without resending the definition.</summary>
public sealed class NamedPipelineGrain(
    [PersistentState("pipeline", StorageNames.Default)] IPersistentState<NamedPipelineState> state)
    : Grain, INamedPipelineGrain
{
    public async Task Set(string pipelineJson)
    {
        _ = Pipeline.FromJson(pipelineJson); // refuse what cannot be read, with the parser's located message
        state.State = new NamedPipelineState { Json = pipelineJson, Saved = DateTimeOffset.UtcNow };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IPipelineCatalogGrain>(0).Add(this.GetPrimaryKeyString());
    }

    public Task<string?> Get() => Task.FromResult(state.State.Json);

    public async Task<bool> Remove()
    {
        var existed = state.State.Json is not null;
        await state.ClearStateAsync();
        await GrainFactory.GetGrain<IPipelineCatalogGrain>(0).Remove(this.GetPrimaryKeyString());
        return existed;
    }
}
