using System.Text;
using System.Text.Json;

namespace Rtl.Pipelines;

/// <summary>
/// A JSON syntax error told with one position, <c>line L, column C</c> (both from 1, the column in characters as
/// an editor counts them). System.Text.Json's message ends with its own <c>LineNumber: … | BytePositionInLine: …</c>,
/// counted from 0 and in UTF-8 bytes: shown next to ours it named a second, different place.
/// </summary>
public static class JsonErrorText
{
    /// <summary><c>line L, column C: reason</c>; without <paramref name="json"/> (a streamed body) the column counts bytes.</summary>
    public static string Describe(JsonException error, string? json) =>
        $"line {(error.LineNumber ?? 0) + 1}, column {Column(error, json)}: {Reason(error)}";

    /// <summary>The reader's reason alone: its message without the position and path it appends.</summary>
    public static string Reason(JsonException error)
    {
        var message = error.Message;
        foreach (var tail in new[] { " LineNumber:", " Path:" })
        {
            var cut = message.IndexOf(tail, StringComparison.Ordinal);
            message = cut > 0 ? message[..cut] : message;
        }

        return message;
    }

    private static long Column(JsonException error, string? json)
    {
        var bytes = error.BytePositionInLine ?? 0;
        if (json is null)
        {
            return bytes + 1;
        }

        // The reader counts lines by '\n' and positions in UTF-8 bytes from the line's start: walk the line's characters.
        var start = 0;
        for (var line = 0L; line < (error.LineNumber ?? 0) && start < json.Length; line++)
        {
            var next = json.IndexOf('\n', start);
            start = next < 0 ? json.Length : next + 1;
        }

        var column = 0;
        var walked = 0L;
        for (var i = start; i < json.Length && walked < bytes && json[i] != '\n'; i++)
        {
            var pair = char.IsHighSurrogate(json[i]) && i + 1 < json.Length && char.IsLowSurrogate(json[i + 1]);
            walked += Encoding.UTF8.GetByteCount(json.AsSpan(i, pair ? 2 : 1));
            i += pair ? 1 : 0;
            column++;
        }

        return column + 1;
    }
}
