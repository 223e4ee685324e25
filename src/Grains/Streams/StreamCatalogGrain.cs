using Rtl.Grains.Hosting;
using Rtl.Grains.Pipelines;
using Rtl.Streams;

namespace Rtl.Grains.Streams;

/// <summary>The names of the streams, so they can be listed and their sources kept connected.</summary>
public sealed class StreamCatalogGrain(
    [PersistentState("streams", StorageNames.Default)] IPersistentState<StreamCatalogState> state)
    : NameCatalogGrain<StreamCatalogState>(state), IStreamCatalogGrain;
