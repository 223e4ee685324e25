using Rtl.Data;
using Rtl.Streams;

namespace Rtl.Silo.Web;

/// <summary>The JSON shapes of a stream in the API: a list entry, and the whole status with its windows and latest result.</summary>
public static class StreamView
{
    /// <summary>Rows of the latest result the status carries; the sinks and the SDK get every row.</summary>
    public const int LatestRows = 1_000;

    public static object Listed(StreamStatus s) => new
    {
        name = s.Definition.Name,
        source = s.Definition.Source,
        window = s.Definition.Window,
        received = s.Received,
        windows = s.Windows,
        rejected = s.Rejected,
        dropped = s.Dropped,
        rowsPerSecond = s.RowsPerSecond,
        url = $"/api/streams/{s.Definition.Name}",
    };

    public static object Of(StreamStatus s) => new
    {
        name = s.Definition.Name,
        pipeline = s.Definition.Pipeline,
        source = s.Definition.Source,
        sourceState = s.Source,
        window = s.Definition.Window,
        every = s.Definition.EverySeconds,
        sinks = s.Definition.Sinks,
        buffer = s.Definition.BufferRows,
        received = s.Received,
        windows = s.Windows,
        rejected = s.Rejected,
        dropped = s.Dropped,
        lastError = s.LastError,
        openRows = s.OpenRows,
        rowsPerSecond = s.RowsPerSecond,
        recent = s.Recent.Select(w => new
        {
            window = w.Window,
            rows = w.Rows,
            closed = w.Closed,
            milliseconds = w.Milliseconds,
            error = w.Error,
            stages = w.Stages.Select(stage => new
            {
                stage = stage.Stage,
                silo = stage.Silo,
                milliseconds = stage.Milliseconds,
                tasks = stage.Tasks.Select(t => new { task = t.Task, milliseconds = t.Milliseconds, rows = t.Rows }),
            }),
        }),
        latest = s.Latest is { } table ? Columns(table) : null,
        plots = s.LatestPlots.Select(p => $"/api/streams/{s.Definition.Name}/plots/{p}"),
    };

    /// <summary><c>{"rows": R, "columns": {"c": [...]}}</c>, at most <see cref="LatestRows"/> rows; NaN and infinities as null.</summary>
    public static object Columns(Table table)
    {
        var rows = Math.Min(table.RowCount, LatestRows);
        var columns = new Dictionary<string, double?[]>(StringComparer.Ordinal);
        for (var c = 0; c < table.ColumnCount; c++)
        {
            var values = new double?[rows];
            for (var row = 0; row < rows; row++)
            {
                var value = table[c].GetDouble(row);
                values[row] = double.IsFinite(value) ? value : null;
            }

            columns[table.Names[c]] = values;
        }

        return new { rows = table.RowCount, shown = rows, columns };
    }
}
