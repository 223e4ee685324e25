namespace Rtl.Grains;

/// <summary>A stored pipeline's JSON and when it was saved.</summary>
/// <remarks>Grain storage records this type by its full name: it stays <c>Rtl.Grains.NamedPipelineState</c> in Rtl.Grains so stored state reads back.</remarks>
[GenerateSerializer]
public sealed class NamedPipelineState
{
    [Id(0)] public string? Json { get; set; }
    [Id(1)] public DateTimeOffset Saved { get; set; }
}
