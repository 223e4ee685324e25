using Rtl.Streams;

namespace Rtl.Grains;

/// <summary>What a stream keeps across silos and restarts: its definition, its counters and its last windows' summaries.</summary>
/// <remarks>Grain storage records this type by its full name: it stays <c>Rtl.Grains.DataNodeState</c> in Rtl.Grains so stored state reads back.</remarks>
[GenerateSerializer]
public sealed class DataNodeState
{
    /// <summary>Windows whose summaries are kept (for the API and the live page).</summary>
    public const int KeptWindows = 100;

    [Id(0)] public StreamDefinition? Definition { get; set; }
    [Id(1)] public long Received { get; set; }
    [Id(2)] public long Dropped { get; set; }
    [Id(3)] public long Rejected { get; set; }
    [Id(4)] public string? LastError { get; set; }

    /// <summary>The next window's number: windows are numbered from 0 and never reused, across restarts.</summary>
    [Id(5)] public long NextWindow { get; set; }

    [Id(6)] public List<WindowSummary> Recent { get; set; } = [];
}
