using Rtl.Grains.Hosting;
using Rtl.Pipelines;

namespace Rtl.Grains.Pipelines;

/// <summary>The names of the stored pipelines, so they can be listed.</summary>
public sealed class PipelineCatalogGrain(
    [PersistentState("catalog", StorageNames.Default)] IPersistentState<PipelineCatalogState> state)
    : NameCatalogGrain<PipelineCatalogState>(state), IPipelineCatalogGrain;
