using System.Text.Json;
using Rtl.Streams;

namespace Rtl.Grains.Streams;

/// <summary>
/// Gathers readings — JSON objects of numbers, <c>{"temperature": 21.5, "sensor": 3}</c>, one per message or an array
/// of them — into a <see cref="RowBatch"/>. A key a reading lacks is NaN; <c>null</c> is NaN. A message that is not
/// such JSON is refused whole, counted, and its error kept, so one bad sensor cannot stop the others.
/// </summary>
public sealed class ReadingsBuilder
{
    private readonly List<string> names = [];
    private readonly Dictionary<string, List<double>> columns = new(StringComparer.Ordinal);
    private readonly List<(string Name, double Value)> pending = [];

    public int Rows { get; private set; }

    public int Refused { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Adds one message's readings, all or none; false (and counted) when it is refused.</summary>
    public bool TryAdd(ReadOnlySpan<byte> json)
    {
        var (start, keys) = (Rows, names.Count);
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 4 });
            Expect(reader.Read(), "an empty message");
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    ReadObject(ref reader);
                }
            }
            else
            {
                ReadObject(ref reader);
            }

            Expect(!reader.Read(), "more after the reading");
            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            Truncate(start, keys);
            Refused++;
            LastError = e is JsonException ? $"not valid JSON: {e.Message}" : e.Message;
            return false;
        }
    }

    /// <summary>
    /// How many readings a message holds, without keeping them: the length of its array, else one (an unreadable
    /// message counts as one). What a full source counts as dropped, so a dropped message of 100 readings counts 100.
    /// </summary>
    public static int Count(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 4 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return 1;
            }

            var count = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                reader.Skip();
                count++;
            }

            return count;
        }
        catch (JsonException)
        {
            return 1; // what could be read of it was not a list of readings
        }
    }

    /// <summary>Counts a message refused before it was read (too large, say).</summary>
    public void Refuse(string error)
    {
        Refused++;
        LastError = error;
    }

    /// <summary>The rows and refusals gathered since the last call, then starts again.</summary>
    public RowBatch Build()
    {
        var batch = new RowBatch([.. names], [.. names.Select(n => columns[n].ToArray())], Refused, LastError);
        names.Clear();
        columns.Clear();
        (Rows, Refused, LastError) = (0, 0, null);
        return batch;
    }

    private void ReadObject(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject, $"a reading is a JSON object of numbers, not {Describe(reader.TokenType)}");
        pending.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            var value = reader.TokenType switch
            {
                JsonTokenType.Number => reader.GetDouble(),
                JsonTokenType.Null => double.NaN,
                _ => throw new FormatException($"'{name}' is {Describe(reader.TokenType)}: readings are numbers only"),
            };
            pending.Add((name, value));
        }

        Expect(reader.TokenType == JsonTokenType.EndObject, "an unfinished reading");
        foreach (var (name, value) in pending)
        {
            Column(name).Add(value);
        }

        Rows++;
        foreach (var name in names)
        {
            var column = columns[name];
            if (column.Count < Rows)
            {
                column.Add(double.NaN); // this reading lacks the key
            }
        }
    }

    private List<double> Column(string name)
    {
        if (columns.TryGetValue(name, out var column))
        {
            Expect(column.Count == Rows, $"'{name}' twice in one reading");
            return column;
        }

        Expect(names.Count < StreamDefinition.MaxColumns, $"more than {StreamDefinition.MaxColumns} keys");
        column = new List<double>(Math.Max(Rows + 1, 16));
        for (var i = 0; i < Rows; i++)
        {
            column.Add(double.NaN); // earlier readings lacked the key
        }

        columns[name] = column;
        names.Add(name);
        return column;
    }

    /// <summary>Undoes a refused message: back to <paramref name="rows"/> rows and the keys known before it.</summary>
    private void Truncate(int rows, int keys)
    {
        for (var i = names.Count - 1; i >= keys; i--)
        {
            columns.Remove(names[i]);
            names.RemoveAt(i);
        }

        foreach (var column in columns.Values.Where(c => c.Count > rows))
        {
            column.RemoveRange(rows, column.Count - rows);
        }

        Rows = rows;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.True or JsonTokenType.False => "true/false",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Null => "null",
        _ => "a number",
    };

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new FormatException(what);
        }
    }
}
