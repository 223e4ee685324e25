using System.Diagnostics;
using System.Text.Json;

namespace Rtl.Benchmarks;

/// <summary>
/// A window's result as it arrived on the sink topic: its number, the rows it says it has, the shortest of its
/// columns (each should hold every row), and when it arrived (<see cref="Stopwatch.GetTimestamp"/>).
/// </summary>
public readonly record struct SinkWindow(long Window, int Rows, int ShortestColumn, long ArrivedAt)
{
    public static SinkWindow Parse(BenchMqtt.Arrival arrival)
    {
        using var message = JsonDocument.Parse(arrival.Payload);
        var root = message.RootElement;
        var lengths = root.GetProperty("columns").EnumerateObject().Select(c => c.Value.GetArrayLength()).DefaultIfEmpty(0);
        return new SinkWindow(root.GetProperty("window").GetInt64(), root.GetProperty("rows").GetInt32(), lengths.Min(), arrival.Timestamp);
    }

    /// <summary>Window <paramref name="expected"/>, whole: <paramref name="rows"/> rows in every column.</summary>
    public bool Is(long expected, int rows) => Window == expected && Rows == rows && ShortestColumn == rows;
}
