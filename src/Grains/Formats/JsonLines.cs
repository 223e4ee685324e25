using System.Text;
using System.Text.Json;
using Rtl.Data;
using Rtl.Grains.Formats.Internals;

namespace Rtl.Grains.Formats;

/// <summary>
/// JSON lines: one JSON object per line, e.g. <c>{"t": 1, "x": 2.5}</c>. The first object's keys are the
/// columns, in its order; every later object must have the same keys (in any order). Values are numbers;
/// <c>null</c> (and the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>, <c>"nan"</c>, <c>"inf"</c>,
/// <c>"-inf"</c>) read as the non-finite floats. A column is <c>&lt;i8</c> when every value is an integer
/// literal, else <c>&lt;f8</c>. Blank lines are skipped.
/// </summary>
public static class JsonLines
{
    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 4 };

    public static Table Read(string path, TextCompression compression = TextCompression.None)
    {
        using var reader = TextFile.OpenText(path, compression);
        return Read(reader, path);
    }

    /// <summary>Reads JSON lines from <paramref name="text"/>; <paramref name="path"/> names the file in errors.</summary>
    public static Table Read(TextReader text, string path)
    {
        string[]? names = null;
        Dictionary<string, int>? index = null;
        CsvColumn[]? columns = null;
        string?[] row = [];
        var line = 0;
        while (true)
        {
            string? content;
            try
            {
                content = text.ReadLine();
            }
            catch (Exception e) when (e is InvalidDataException or DecoderFallbackException)
            {
                throw TextFile.Unreadable(path, line, e);
            }

            if (content is null)
            {
                break;
            }

            line++;
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            using var document = Parse(path, line, content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FileFormatException(path, $"line {line}: expected a JSON object, got {Describe(root)}");
            }

            if (names is null)
            {
                names = [.. root.EnumerateObject().Select(p => p.Name)];
                index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var c = 0; c < names.Length; c++)
                {
                    if (!index.TryAdd(names[c], c))
                    {
                        throw new FileFormatException(path, $"line {line}: key '{names[c]}' appears twice");
                    }
                }

                columns = [.. names.Select(_ => CsvColumn.Create(null))];
                row = new string?[names.Length];
            }

            Array.Clear(row);
            foreach (var property in root.EnumerateObject())
            {
                if (!index!.TryGetValue(property.Name, out var c))
                {
                    throw new FileFormatException(path,
                        $"line {line}: key '{TextFile.Shorten(property.Name)}' is not a column (the first line's keys are: {Keys(names)})");
                }

                if (row[c] is not null)
                {
                    throw new FileFormatException(path, $"line {line}: key '{property.Name}' appears twice");
                }

                row[c] = Cell(path, line, c, property);
            }

            for (var c = 0; c < names.Length; c++)
            {
                var cell = row[c] ?? throw new FileFormatException(path,
                    $"line {line}: key '{names[c]}' (column {c + 1}) is missing (every line needs the first line's keys: {Keys(names)})");
                if (!columns![c].TryAdd(cell))
                {
                    throw new FileFormatException(path, BadCell.Message(line, c, names[c], "a number", cell));
                }
            }
        }

        names ??= [];
        columns ??= [];
        return Table.Create(names.Select((name, i) => KeyValuePair.Create(name, columns[i].ToColumn())));
    }

    private static JsonDocument Parse(string path, int line, string content)
    {
        try
        {
            return JsonDocument.Parse(content, Strict);
        }
        catch (JsonException e)
        {
            // The reader's own position is "LineNumber: 0 | BytePositionInLine: n"; say it in the file's terms.
            var at = e.BytePositionInLine is { } position ? $", column {position + 1}" : string.Empty;
            throw new FileFormatException(path, $"line {line}{at}: not valid JSON ({FirstSentence(e.Message)})", e);
        }
    }

    /// <summary>The value as number text for <see cref="CsvColumn"/>: the literal, or <c>nan</c>/<c>inf</c>.</summary>
    private static string Cell(string path, int line, int column, JsonProperty property)
    {
        var value = property.Value;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.Null:
                return "nan";
            case JsonValueKind.String when value.GetString() is { } text && !string.IsNullOrWhiteSpace(text) && CellNumbers.TryParse(text, out double special) && !double.IsFinite(special):
                return double.IsNaN(special) ? "nan" : special > 0 ? "inf" : "-inf";
            default:
                throw new FileFormatException(path,
                    $"line {line}, column {column + 1} ('{property.Name}'): expected a number, found {Describe(value)}");
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => "a value that is not one",
    };

    private static string Keys(string[] names) => names.Length == 0 ? "none" : string.Join(", ", names);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.', ' ');
    }
}
