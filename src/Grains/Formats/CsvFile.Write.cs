using System.Text;
using Rtl.Data;
using Rtl.Grains.Formats.Internals;

namespace Rtl.Grains.Formats;

public static partial class CsvFile
{
    // Flush before a cell could overflow: the longest number is 24 bytes.
    private const int BufferBytes = 1 << 20;
    private const int MaxCellBytes = 64;

    /// <summary>
    /// Writes one line per row, <c>\n</c>-terminated. Floats are the shortest text that reads back to
    /// the same value (always with a <c>.</c> or exponent), non-finite ones <c>nan</c>/<c>inf</c>/<c>-inf</c>
    /// as numpy writes them; integers as integers; booleans as 1/0. Formatted by hand into UTF-8
    /// rather than through Sep's writer, whose culture formatting spells NaN and infinity differently.
    /// </summary>
    public static void Write(string path, Table table, char delimiter = ',', bool header = true)
    {
        ArgumentNullException.ThrowIfNull(table);
        CheckDelimiter(delimiter);
        using var stream = DataFile.OpenWrite(path, 0);
        Write(stream, table, delimiter, header);
    }

    /// <summary>The same lines written to <paramref name="stream"/> at its position (a stream's file sink appends with it).</summary>
    public static void Write(Stream stream, Table table, char delimiter = ',', bool header = true)
    {
        ArgumentNullException.ThrowIfNull(table);
        CheckDelimiter(delimiter);
        var cells = table.Columns.Select(CsvCell.For).ToArray();
        var buffer = new byte[BufferBytes];
        var used = 0;
        if (header && table.ColumnCount > 0)
        {
            var names = Encoding.UTF8.GetBytes(string.Join(delimiter, table.Names.Select(n => Quote(n, delimiter))) + "\n");
            stream.Write(names);
        }

        var separator = (byte)delimiter;
        Span<byte> wide = delimiter < 0x80 ? [] : Encoding.UTF8.GetBytes(delimiter.ToString());
        for (var row = 0; row < table.RowCount; row++)
        {
            for (var c = 0; c < cells.Length; c++)
            {
                if (BufferBytes - used < MaxCellBytes)
                {
                    stream.Write(buffer, 0, used);
                    used = 0;
                }

                if (c > 0)
                {
                    if (wide.IsEmpty)
                    {
                        buffer[used++] = separator;
                    }
                    else
                    {
                        wide.CopyTo(buffer.AsSpan(used));
                        used += wide.Length;
                    }
                }

                used += cells[c].Format(row, buffer.AsSpan(used));
            }

            buffer[used++] = (byte)'\n';
        }

        stream.Write(buffer, 0, used);
    }

    private static void CheckDelimiter(char delimiter)
    {
        if (delimiter is '"' or '\r' or '\n' or '.' or '-' or '+' || char.IsAsciiLetterOrDigit(delimiter))
        {
            throw new ArgumentException($"'{delimiter}' cannot separate numbers", nameof(delimiter));
        }
    }

    private static string Quote(string name, char delimiter) =>
        name.Contains(delimiter) || name.Contains('"') || name.Contains('\n') || name.Contains('\r')
        || name.Trim().Length != name.Length
            ? "\"" + name.Replace("\"", "\"\"") + "\""
            : name;
}
