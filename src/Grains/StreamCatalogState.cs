namespace Rtl.Grains;

/// <summary>The names of the streams.</summary>
/// <remarks>Grain storage records this type by its full name: it stays <c>Rtl.Grains.StreamCatalogState</c> in Rtl.Grains so stored state reads back.</remarks>
[GenerateSerializer]
public sealed class StreamCatalogState : NameCatalogState;
