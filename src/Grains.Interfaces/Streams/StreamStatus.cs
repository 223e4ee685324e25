using Rtl.Data;
using Rtl.Jobs;

namespace Rtl.Streams;

/// <summary>One window's run: its number (from 0), its rows, when it closed, how long the pipeline took, and its error if it failed.</summary>
[GenerateSerializer, Immutable]
public sealed record WindowSummary(
    [property: Id(0)] long Window,
    [property: Id(1)] int Rows,
    [property: Id(2)] DateTimeOffset Closed,
    [property: Id(3)] double Milliseconds,
    [property: Id(4)] string? Error,
    [property: Id(5)] IReadOnlyList<StageTiming> Stages);

/// <summary>A window's result as a subscriber receives it.</summary>
[GenerateSerializer, Immutable]
public sealed record StreamWindow(
    [property: Id(0)] string Stream,
    [property: Id(1)] WindowSummary Summary,
    [property: Id(2)] Table? Result)
{
    public long Window => Summary.Window;
}

/// <summary>
/// What a stream has done: rows received, dropped (the buffer was full) and rejected (bad messages, failed
/// windows) with the last error, the source's connection, the open window, the last windows and the latest result.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StreamStatus(
    [property: Id(0)] StreamDefinition Definition,
    [property: Id(1)] long Received,
    [property: Id(2)] long Dropped,
    [property: Id(3)] long Rejected,
    [property: Id(4)] string? LastError,
    [property: Id(5)] long Windows,
    [property: Id(6)] int OpenRows,
    [property: Id(7)] string Source,
    [property: Id(8)] double RowsPerSecond,
    [property: Id(9)] IReadOnlyList<WindowSummary> Recent,
    [property: Id(10)] Table? Latest,
    [property: Id(11)] IReadOnlyList<string> LatestPlots);
