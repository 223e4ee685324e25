using System.Globalization;
using System.Text.Json;
using Rtl.Streams;

namespace Rtl.Silo.Web;

/// <summary>
/// A stream defined over HTTP: <c>{"name": "greenhouse", "pipeline": {...} or "stored-name", "source": "mqtt://…",
/// "window": 100, "every": 5, "sinks": ["mqtt://…"], "buffer": 10000}</c>.
/// </summary>
public static class StreamRequest
{
    public static StreamDefinition Parse(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new StreamDefinitionException("body", $"not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new StreamDefinitionException("body", "expected a JSON object: {\"name\", \"pipeline\", \"source\", \"window\", …}");
            }

            var known = new[] { "name", "pipeline", "source", "window", "every", "sinks", "buffer" };
            if (root.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !known.Contains(n)) is { } unknown)
            {
                throw new StreamDefinitionException(unknown, $"unknown field (known: {string.Join(", ", known)})");
            }

            var name = Text(root, "name") ?? throw new StreamDefinitionException("name", "missing");
            var pipeline = root.TryGetProperty("pipeline", out var p)
                ? p.ValueKind switch
                {
                    JsonValueKind.Object => p.GetRawText(),
                    JsonValueKind.String => p.GetString()!,
                    _ => throw new StreamDefinitionException("pipeline", "expected a pipeline's JSON or a stored pipeline's name"),
                }
                : throw new StreamDefinitionException("pipeline", "missing");
            var window = Number(root, "window") ?? throw new StreamDefinitionException("window", "missing: the rows in a window");
            var every = Number(root, "every");
            var sinks = root.TryGetProperty("sinks", out var s)
                ? s.ValueKind == JsonValueKind.Array && s.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
                    ? s.EnumerateArray().Select(e => e.GetString()!).ToArray()
                    : throw new StreamDefinitionException("sinks", "expected an array of strings")
                : [];
            var rows = WholeRows("window", window);
            var buffer = Number(root, "buffer") is { } b ? WholeRows("buffer", b) : StreamDefinition.DefaultBufferRows(rows);
            return new StreamDefinition(name, pipeline, Text(root, "source") ?? "http", rows, every, sinks, buffer);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new StreamDefinitionException(name, "expected a string");

    private static double? Number(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : throw new StreamDefinitionException(name, "expected a number");

    private static int WholeRows(string name, double value) =>
        value == Math.Floor(value) && value is >= 0 and <= int.MaxValue
            ? (int)value
            : throw new StreamDefinitionException(name, $"expected a whole number of rows (got {value.ToString(CultureInfo.InvariantCulture)})");
}
