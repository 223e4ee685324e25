using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Rtl.Data;
using Rtl.Pipelines;
using Rtl.Silo.Security;

namespace Rtl.Silo.Web.Submissions;

/// <summary>
/// Parses <c>{"pipeline": …, "table": {"columns": {"name": [numbers…]}}}</c> one chunk at a time, so a body is never
/// held whole: the pipeline's text is kept (at most <see cref="PipelineLimits.MaxJsonBytes"/>), the table's numbers go
/// straight into columns (at most <paramref name="maxTableBytes"/> of them), and anything else is skipped unread.
/// Every failure is a <see cref="PipelineFormatException"/> worded like the CLI's.
/// </summary>
internal sealed class SubmissionParser(long maxTableBytes)
{
    /// <summary>Far more columns than any table has; each costs memory beside its values, so a million one-value columns cannot slip under the byte limit.</summary>
    public const int MaxColumns = 100_000;

    private const string Shape = "expected {\"pipeline\": {...}, \"table\": {\"columns\": {\"name\": [values...]}}} (table optional)";
    private const string TableShape = "'table' must be {\"columns\": {\"name\": [values...]}}";

    private readonly List<StreamedColumn> columns = [];
    private JsonReaderState state;
    private bool started;
    private bool closed;
    private long tableBytes;
    private bool overLimit;

    private string? rootKey;
    private string? tableKey;
    private bool inTable;
    private bool sawColumns;
    private bool columnless;
    private bool inColumns;
    private string? columnName;
    private StreamedColumn? column;
    private int skipDepth = -1;

    private ArrayBufferWriter<byte>? capture;
    private int captureDepth;
    private int captureStart;

    private bool sawPipeline;
    private string? pipelineName;
    private string? pipelineJson;

    /// <summary>Parses what <paramref name="chunk"/> holds; returns how many of its bytes are done with (the rest must come again, with more).</summary>
    public int Feed(ReadOnlySpan<byte> chunk, bool final)
    {
        var offset = 0;
        if (!started)
        {
            if (!final && chunk.Length < 3 && "\uFEFF"u8.StartsWith(chunk))
            {
                return 0;
            }

            offset = chunk.StartsWith("\uFEFF"u8) ? 3 : 0;
            started = true;
        }

        var span = chunk[offset..];
        var reader = new Utf8JsonReader(span, final, state);
        try
        {
            while (reader.Read())
            {
                Handle(ref reader, span);
            }
        }
        catch (JsonException e)
        {
            // A streamed body: no text to count characters in, so the column counts bytes.
            throw new PipelineFormatException($"malformed JSON at {JsonErrorText.Describe(e, json: null)}");
        }

        if (capture is not null)
        {
            Capture(span[captureStart..(int)reader.BytesConsumed]);
            captureStart = 0;
        }

        state = reader.CurrentState;
        if (final && !closed)
        {
            throw new PipelineFormatException(Shape);
        }

        return offset + (int)reader.BytesConsumed;
    }

    public JobSubmission Result()
    {
        if (!sawPipeline)
        {
            throw new PipelineFormatException(Shape);
        }

        if (columnless)
        {
            // Found when the table closed, said only now: a body without a pipeline is told that first.
            throw new PipelineFormatException(TableShape);
        }

        if (overLimit)
        {
            var rows = columns.Count > 0 ? columns[0].Count : 0;
            throw new ArgumentException(TableSizeLimit.Describe(rows * (long)sizeof(double) * columns.Count, rows, columns.Count, maxTableBytes));
        }

        var table = columns.Count > 0 ? Table.Create([.. columns.Select(c => (c.Name, c.ToColumn()))]) : null;
        return pipelineJson is not null
            ? new JobSubmission(Pipeline.FromJson(pipelineJson), null, table)
            : new JobSubmission(null, pipelineName, table);
    }

    private void Handle(ref Utf8JsonReader reader, ReadOnlySpan<byte> span)
    {
        var token = reader.TokenType;
        var depth = reader.CurrentDepth;
        if (skipDepth >= 0)
        {
            skipDepth = IsEnd(token) && depth == skipDepth ? -1 : skipDepth;
        }
        else if (capture is not null)
        {
            InPipeline(ref reader, span);
        }
        else if (column is not null)
        {
            InColumn(ref reader, column);
        }
        else if (inColumns)
        {
            InColumns(ref reader);
        }
        else if (inTable)
        {
            InTable(ref reader);
        }
        else if (depth == 0)
        {
            closed = token == JsonTokenType.EndObject;
            if (token is not (JsonTokenType.StartObject or JsonTokenType.EndObject))
            {
                throw new PipelineFormatException(Shape);
            }
        }
        else if (token == JsonTokenType.PropertyName)
        {
            rootKey = reader.GetString();
        }
        else
        {
            RootValue(ref reader);
        }
    }

    private void RootValue(ref Utf8JsonReader reader)
    {
        switch (rootKey, reader.TokenType)
        {
            case ("pipeline", JsonTokenType.String):
                sawPipeline = true;
                pipelineName = reader.GetString();
                break;
            case ("pipeline", JsonTokenType.StartObject):
                sawPipeline = true;
                capture = new ArrayBufferWriter<byte>();
                captureDepth = reader.CurrentDepth;
                captureStart = (int)reader.TokenStartIndex;
                break;
            case ("pipeline", _):
                throw new PipelineFormatException("'pipeline' must be a pipeline object or the name of a stored pipeline");
            case ("table", JsonTokenType.Null):
                break;
            case ("table", JsonTokenType.StartObject):
                inTable = true;
                break;
            case ("table", _):
                throw new PipelineFormatException(TableShape);
            default:
                SkipIfContainer(ref reader);
                break;
        }

        rootKey = null;
    }

    private void InPipeline(ref Utf8JsonReader reader, ReadOnlySpan<byte> span)
    {
        var end = (int)reader.BytesConsumed;
        PipelineLimits.CheckJson(capture!.WrittenCount + end - captureStart);
        if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == captureDepth)
        {
            Capture(span[captureStart..end]);
            pipelineJson = Encoding.UTF8.GetString(capture.WrittenSpan);
            capture = null;
        }
    }

    private void Capture(ReadOnlySpan<byte> bytes)
    {
        PipelineLimits.CheckJson(capture!.WrittenCount + bytes.Length);
        capture.Write(bytes);
    }

    private void InTable(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.EndObject:
                inTable = false;
                columnless = !sawColumns;

                break;
            case JsonTokenType.PropertyName:
                tableKey = reader.GetString();
                break;
            case JsonTokenType.StartObject when tableKey == "columns":
                inColumns = sawColumns = true;
                break;
            case var _ when tableKey == "columns":
                throw new PipelineFormatException(TableShape);
            default:
                SkipIfContainer(ref reader);
                break;
        }
    }

    private void InColumns(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.EndObject:
                inColumns = false;
                if (columns.Count == 0)
                {
                    throw new PipelineFormatException("table.columns: no columns");
                }

                break;
            case JsonTokenType.PropertyName:
                columnName = reader.GetString()!;
                if (columns.Any(c => c.Name == columnName))
                {
                    throw new PipelineFormatException($"table.columns.{columnName}: appears twice");
                }

                if (columns.Count == MaxColumns)
                {
                    throw new PipelineFormatException(string.Create(CultureInfo.InvariantCulture, $"table.columns: more than {MaxColumns:N0} columns"));
                }

                break;
            case JsonTokenType.StartArray:
                column = new StreamedColumn(columnName!);
                if (overLimit)
                {
                    column.OnlyCount();
                }

                break;
            default:
                throw new PipelineFormatException($"table.columns.{columnName}: expected a list of numbers");
        }
    }

    private void InColumn(ref Utf8JsonReader reader, StreamedColumn values)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out var integer):
                Charge(sizeof(long));
                values.Add(integer);
                break;
            case JsonTokenType.Number:
                Charge(sizeof(double));
                values.Add(reader.TryGetDouble(out var number) && double.IsFinite(number)
                    ? number
                    : throw new PipelineFormatException($"table.columns.{values.Name}[{values.Count}]: {OutOfRange(reader.ValueSpan)}"));
                break;
            case JsonTokenType.String when TryParseText(reader.GetString()!, out var special):
                Charge(sizeof(double));
                values.Add(special);
                break;
            case JsonTokenType.Null:
                Charge(sizeof(double));
                values.Add(double.NaN);
                break;
            case JsonTokenType.EndArray:
                Finish(values);
                break;
            default:
                throw new PipelineFormatException($"table.columns.{values.Name}[{values.Count}]: expected a number, got {Describe(ref reader)}");
        }
    }

    private void Finish(StreamedColumn values)
    {
        if (columns.Count > 0 && values.Count != columns[0].Count)
        {
            throw new PipelineFormatException($"table.columns.{values.Name}: {values.Count} values, but '{columns[0].Name}' has {columns[0].Count}");
        }

        columns.Add(values);
        column = null;
    }

    /// <summary>Counts what the table holds; past the limit its columns only count, so memory stays bounded and the refusal exact.</summary>
    private void Charge(long bytes)
    {
        tableBytes += bytes;
        if (tableBytes > maxTableBytes && !overLimit)
        {
            overLimit = true;
            foreach (var kept in columns.Append(column).OfType<StreamedColumn>())
            {
                kept.OnlyCount();
            }
        }
    }

    private void SkipIfContainer(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            skipDepth = reader.CurrentDepth;
        }
    }

    /// <summary>A number written as a string: any the invariant culture reads, and <c>inf</c>/<c>-inf</c> as the CSV reader and task arguments take them.</summary>
    private static bool TryParseText(string text, out double value)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        value = text.Trim().ToLowerInvariant() switch
        {
            "inf" or "+inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            _ => 0,
        };
        return value != 0;
    }

    private static bool IsEnd(JsonTokenType token) => token is JsonTokenType.EndObject or JsonTokenType.EndArray;

    private static string OutOfRange(ReadOnlySpan<byte> number) =>
        $"the number {Shorten(Encoding.UTF8.GetString(number))} is out of range of a double (at most ±1.7976931348623157e308); write \"inf\" or \"-inf\" for an infinity";

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"the string \"{Shorten(reader.GetString()!)}\"",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.StartObject => "an object",
        _ => "nothing",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");
}
