using System.Text;

namespace Rtl.Grains.Formats.Internals;

/// <summary>Lines and cells of delimited text as UTF-8 bytes, for the header, the first row and rows that need a closer look.</summary>
internal static unsafe class CsvBytes
{
    /// <summary>The <c>\n</c> ending the line that starts at <paramref name="p"/>, or <paramref name="end"/>.</summary>
    public static byte* LineEnd(byte* p, byte* end)
    {
        while (p < end)
        {
            var length = (int)Math.Min(end - p, int.MaxValue);
            var found = new ReadOnlySpan<byte>(p, length).IndexOf((byte)'\n');
            if (found >= 0)
            {
                return p + found;
            }

            p += length;
        }

        return end;
    }

    /// <summary>Where the next line starts.</summary>
    public static byte* NextLine(byte* lineEnd, byte* end) => lineEnd < end ? lineEnd + 1 : end;

    /// <summary>A line without its <c>\r\n</c> or <c>\n</c>.</summary>
    public static ReadOnlySpan<byte> Content(byte* line, byte* lineEnd)
    {
        var content = new ReadOnlySpan<byte>(line, checked((int)(lineEnd - line)));
        return content.EndsWith((byte)'\r') ? content[..^1] : content;
    }

    /// <summary>
    /// Quotes (a quoted cell may hold a delimiter or a line break) and a <c>\r</c> inside a line (an old
    /// Mac line break) are left to Sep, which knows every rule of them.
    /// </summary>
    public static bool NeedsSep(ReadOnlySpan<byte> content) => content.IndexOfAny((byte)'"', (byte)'\r') >= 0;

    /// <summary>Blank as numpy.loadtxt sees it: one cell of white space only.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> content, byte delimiter) =>
        !content.Contains(delimiter) && Decode(content).AsSpan().IsWhiteSpace();

    public static int CountCells(ReadOnlySpan<byte> content, byte delimiter) => content.Count(delimiter) + 1;

    public static string[] Cells(ReadOnlySpan<byte> content, byte delimiter)
    {
        var cells = new string[CountCells(content, delimiter)];
        for (var c = 0; c < cells.Length; c++)
        {
            var cut = content.IndexOf(delimiter);
            cells[c] = Decode(cut < 0 ? content : content[..cut]);
            content = cut < 0 ? [] : content[(cut + 1)..];
        }

        return cells;
    }

    public static string Decode(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>The 1-based number of the line starting at <paramref name="line"/>: the line breaks before it, plus one.</summary>
    public static int LineNumber(byte* start, byte* line)
    {
        long breaks = 0;
        for (var p = start; p < line;)
        {
            var length = (int)Math.Min(line - p, int.MaxValue);
            breaks += new ReadOnlySpan<byte>(p, length).Count((byte)'\n');
            p += length;
        }

        return (int)Math.Min(breaks + 1, int.MaxValue);
    }
}
