namespace Rtl.Grains;

/// <summary>The ids of the jobs the index lists, and of those not finished.</summary>
/// <remarks>Grain storage records this type by its full name: it stays <c>Rtl.Grains.JobIndexState</c> in Rtl.Grains so stored state reads back.</remarks>
[GenerateSerializer]
public sealed class JobIndexState
{
    [Id(0)] public List<Guid> Jobs { get; set; } = [];
    [Id(1)] public HashSet<Guid> Unfinished { get; set; } = [];
}
