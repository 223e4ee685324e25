using System.Globalization;
using System.Text.Json;
using Rtl.Data;
using Rtl.Pipelines;

namespace Rtl.Silo.Web;

/// <summary>
/// The body of <c>POST /api/jobs</c>: <c>{"pipeline": &lt;either JSON shape&gt; | "stored name",
/// "table": {"columns": {"name": [values…]}}}</c>. Every failure is a <see cref="PipelineFormatException"/>
/// worded like the CLI's, which the API answers with HTTP 400.
/// </summary>
public sealed record JobSubmission(Pipeline? Pipeline, string? PipelineName, Table? Table)
{
    public static JobSubmission Parse(string body) => Parse(System.Text.Encoding.UTF8.GetBytes(body));

    /// <summary>The body as UTF-8 bytes (a leading byte-order mark is skipped), as the API reads it.</summary>
    public static JobSubmission Parse(ReadOnlyMemory<byte> body)
    {
        if (body.Span.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new PipelineFormatException(
                $"malformed JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {e.Message.Split(" Path:")[0]}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("pipeline", out var pipeline))
            {
                throw new PipelineFormatException("expected {\"pipeline\": {...}, \"table\": {\"columns\": {\"name\": [values...]}}} (table optional)");
            }

            var table = root.TryGetProperty("table", out var t) && t.ValueKind != JsonValueKind.Null ? ReadTable(t) : null;
            return pipeline.ValueKind switch
            {
                JsonValueKind.String => new JobSubmission(null, pipeline.GetString(), table),
                JsonValueKind.Object => new JobSubmission(Pipeline.FromJson(pipeline.GetRawText()), null, table),
                _ => throw new PipelineFormatException("'pipeline' must be a pipeline object or the name of a stored pipeline"),
            };
        }
    }

    private static Table ReadTable(JsonElement table)
    {
        if (table.ValueKind != JsonValueKind.Object || !table.TryGetProperty("columns", out var columns)
            || columns.ValueKind != JsonValueKind.Object)
        {
            throw new PipelineFormatException("'table' must be {\"columns\": {\"name\": [values...]}}");
        }

        var named = new List<(string, Column)>();
        foreach (var column in columns.EnumerateObject())
        {
            var values = ReadColumn(column);
            if (named.Count > 0 && values.Length != named[0].Item2.Length)
            {
                throw new PipelineFormatException(
                    $"table.columns.{column.Name}: {values.Length} values, but '{named[0].Item1}' has {named[0].Item2.Length}");
            }

            named.Add((column.Name, values));
        }

        return named.Count > 0 ? Table.Create([.. named]) : throw new PipelineFormatException("table.columns: no columns");
    }

    /// <summary>All integers make an <c>&lt;i8</c> column, anything else <c>&lt;f8</c> (as the CSV reader decides).</summary>
    private static Column ReadColumn(JsonProperty column)
    {
        if (column.Value.ValueKind != JsonValueKind.Array)
        {
            throw new PipelineFormatException($"table.columns.{column.Name}: expected a list of numbers");
        }

        var doubles = new List<double>();
        var integers = true;
        foreach (var value in column.Value.EnumerateArray())
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Number:
                    integers &= value.TryGetInt64(out _);
                    doubles.Add(Rtl.Tasks.TaskArgs.TryReadFinite(value, out var number)
                        ? number
                        : throw new PipelineFormatException($"table.columns.{column.Name}[{doubles.Count}]: {Rtl.Tasks.TaskArgs.OutOfRange(value)}"));
                    break;
                case JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var special):
                    integers = false;
                    doubles.Add(special);
                    break;
                case JsonValueKind.Null:
                    integers = false;
                    doubles.Add(double.NaN);
                    break;
                default:
                    throw new PipelineFormatException(
                        $"table.columns.{column.Name}[{doubles.Count}]: expected a number, got {Rtl.Tasks.TaskArgs.Describe(value)}");
            }
        }

        return integers
            ? Column.Of(column.Value.EnumerateArray().Select(v => v.GetInt64()).ToArray())
            : Column.Of(doubles.ToArray());
    }
}
