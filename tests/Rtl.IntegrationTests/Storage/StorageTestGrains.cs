
namespace Rtl.IntegrationTests.Storage;

public interface IStorageTestEchoGrain : IGrainWithIntegerKey
{
    Task<string> Echo(string text);
}

public interface IStorageTestCounterGrain : IGrainWithStringKey
{
    Task<int> Add(int amount);

    Task<int> Get();
}

[GenerateSerializer]
public sealed class StorageTestCounterState
{
    [Id(0)]
    public int Total { get; set; }
}

public sealed class StorageTestEchoGrain : Grain, IStorageTestEchoGrain
{
    public Task<string> Echo(string text) => Task.FromResult($"echo: {text}");
}

public sealed class StorageTestCounterGrain(
    [PersistentState(StorageTestCounterGrain.StateName, "rtl")] IPersistentState<StorageTestCounterState> state)
    : Grain, IStorageTestCounterGrain
{
    public const string StateName = "s";

    public async Task<int> Add(int amount)
    {
        state.State.Total += amount;
        await state.WriteStateAsync();
        return state.State.Total;
    }

    public Task<int> Get() => Task.FromResult(state.State.Total);
}
