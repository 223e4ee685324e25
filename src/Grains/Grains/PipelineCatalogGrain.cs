namespace Rtl.Grains;

[GenerateSerializer]
public sealed class PipelineCatalogState : NameCatalogState;

/// <summary>The names of the stored pipelines, so they can be listed.</summary>
public sealed class PipelineCatalogGrain(
    [PersistentState("catalog", StorageNames.Default)] IPersistentState<PipelineCatalogState> state)
    : NameCatalogGrain<PipelineCatalogState>(state), IPipelineCatalogGrain;
