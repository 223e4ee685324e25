namespace Rtl.Grains;

/// <summary>The names of the stored pipelines.</summary>
/// <remarks>Grain storage records this type by its full name: it stays <c>Rtl.Grains.PipelineCatalogState</c> in Rtl.Grains so stored state reads back.</remarks>
[GenerateSerializer]
public sealed class PipelineCatalogState : NameCatalogState;
