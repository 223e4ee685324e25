using Rtl.Streams;

namespace Rtl.Grains;

[GenerateSerializer]
public sealed class StreamCatalogState : NameCatalogState;

/// <summary>The names of the streams, so they can be listed and their sources kept connected.</summary>
public sealed class StreamCatalogGrain(
    [PersistentState("streams", StorageNames.Default)] IPersistentState<StreamCatalogState> state)
    : NameCatalogGrain<StreamCatalogState>(state), IStreamCatalogGrain;
