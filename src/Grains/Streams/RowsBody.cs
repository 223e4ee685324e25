using System.Text.Json;
using Rtl.Streams;

namespace Rtl.Grains.Streams;

/// <summary>
/// Rows posted to a stream over HTTP: <c>{"columns": {"temperature": [21.5, 22.0], "sensor": [3, 4]}}</c>, a JSON array of
/// readings, or one reading per line (JSON Lines). Numbers only (null is NaN); anything else is a
/// <see cref="FormatException"/> that says where.
/// </summary>
public static class RowsBody
{
    public static RowBatch Parse(ReadOnlySpan<byte> body)
    {
        var text = body.TrimStart(" \t\r\n"u8);
        if (text.IsEmpty)
        {
            throw new FormatException("an empty body: expected {\"columns\": {...}}, a JSON array of readings, or one reading per line");
        }

        return text.StartsWith("{\"columns\""u8) || LooksLikeColumns(text) ? Columns(text) : Readings(text);
    }

    private static bool LooksLikeColumns(ReadOnlySpan<byte> text)
    {
        var reader = new Utf8JsonReader(text);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.Read()
                && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("columns"u8);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static RowBatch Readings(ReadOnlySpan<byte> text)
    {
        var readings = new ReadingsBuilder();
        var line = 0;
        if (text[0] == (byte)'[')
        {
            Add(readings, text, "the body");
            return readings.Build();
        }

        foreach (var range in text.Split((byte)'\n'))
        {
            line++;
            var reading = text[range].Trim(" \t\r"u8);
            if (!reading.IsEmpty)
            {
                Add(readings, reading, $"line {line}");
            }
        }

        return readings.Build();
    }

    private static void Add(ReadingsBuilder readings, ReadOnlySpan<byte> json, string where)
    {
        if (!readings.TryAdd(json))
        {
            throw new FormatException($"{where}: {readings.LastError}");
        }
    }

    private static RowBatch Columns(ReadOnlySpan<byte> text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text.ToArray());
        }
        catch (JsonException e)
        {
            throw new FormatException($"not valid JSON: {e.Message}");
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("columns", out var columns) || columns.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("columns: expected an object of arrays of numbers");
            }

            var names = new List<string>();
            var values = new List<double[]>();
            foreach (var column in columns.EnumerateObject())
            {
                if (column.Value.ValueKind != JsonValueKind.Array)
                {
                    throw new FormatException($"columns.{column.Name}: expected an array of numbers");
                }

                var numbers = new double[column.Value.GetArrayLength()];
                var i = 0;
                foreach (var item in column.Value.EnumerateArray())
                {
                    numbers[i] = item.ValueKind switch
                    {
                        JsonValueKind.Number => item.GetDouble(),
                        JsonValueKind.Null => double.NaN,
                        _ => throw new FormatException($"columns.{column.Name}[{i}]: {item.ValueKind.ToString().ToLowerInvariant()}: readings are numbers only"),
                    };
                    i++;
                }

                if (values.Count > 0 && numbers.Length != values[0].Length)
                {
                    throw new FormatException($"columns.{column.Name}: {numbers.Length} values, but columns.{names[0]} has {values[0].Length}");
                }

                if (names.Count == StreamDefinition.MaxColumns)
                {
                    throw new FormatException($"columns: more than {StreamDefinition.MaxColumns}");
                }

                names.Add(column.Name);
                values.Add(numbers);
            }

            return new RowBatch(names, values);
        }
    }
}
