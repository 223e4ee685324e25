namespace Rtl.Grains;

/// <summary>A sorted set of names in grain storage, as the pipeline and stream catalogs keep theirs.</summary>
[GenerateSerializer]
public abstract class NameCatalogState
{
    [Id(0)] public SortedSet<string> Names { get; set; } = new(StringComparer.Ordinal);
}
