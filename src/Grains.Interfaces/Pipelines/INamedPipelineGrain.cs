namespace Rtl.Pipelines;

/// <summary>A pipeline stored by name (key: the name); replaces the seed's LMDB schema cache.</summary>
public interface INamedPipelineGrain : IGrainWithStringKey
{
    /// <summary>Stores (or replaces) the definition after checking it parses.</summary>
    Task Set(string pipelineJson);

    /// <summary>The stored JSON, or null when no pipeline has this name.</summary>
    Task<string?> Get();

    /// <summary>Forgets the pipeline; returns false when there was none.</summary>
    Task<bool> Remove();
}

/// <summary>The names of every stored pipeline (single activation, key 0).</summary>
public interface IPipelineCatalogGrain : IGrainWithIntegerKey
{
    Task Add(string name);

    Task Remove(string name);

    Task<IReadOnlyList<string>> List();
}
