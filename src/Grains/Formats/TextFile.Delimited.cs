using System.Globalization;
using System.Text;
using nietras.SeparatedValues;
using Rtl.Data;

namespace Rtl.Formats;

public static partial class TextFile
{
    /// <summary>
    /// Delimited rows from <paramref name="text"/> (read with Sep); <paramref name="path"/> names the file in
    /// errors. Blank lines are skipped, as numpy.loadtxt does; every row must have the first row's width.
    /// </summary>
    public static Table ReadDelimited(TextReader text, string path, char delimiter = ',', bool header = false)
    {
        string[]? names = null;
        var fromHeader = false;
        CsvColumn[]? columns = null;
        var lastLine = 0;
        try
        {
            using var reader = Sep.Reader(o => o with
            {
                Sep = new Sep(delimiter),
                HasHeader = false,
                DisableColCountCheck = true,
                Unescape = true,
                CultureInfo = CultureInfo.InvariantCulture,
            }).From(text);
            foreach (var row in reader)
            {
                // Sep reports line 2 for the first row when there is no header row; it starts on line 1.
                var line = row.RowIndex == 0 ? 1 : row.LineNumberFrom;
                lastLine = row.LineNumberToExcl - 1;
                if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
                {
                    continue;
                }

                if (header)
                {
                    header = false;
                    names = CsvFile.HeaderNames(path, row, line);
                    fromHeader = true;
                    continue;
                }

                names ??= [.. Enumerable.Range(0, row.ColCount).Select(i => i.ToString(CultureInfo.InvariantCulture))];
                columns ??= [.. names.Select(_ => CsvColumn.Create(null))];
                if (row.ColCount != columns.Length)
                {
                    throw new FileFormatException(path,
                        $"line {line} has {Count(row.ColCount, "value")} but " +
                        (fromHeader ? $"the header has {Count(columns.Length, "column")}" : $"the first row has {columns.Length}"));
                }

                for (var c = 0; c < columns.Length; c++)
                {
                    if (!columns[c].TryAdd(row[c].Span))
                    {
                        throw new FileFormatException(path,
                            BadCell.Message(line, c, names[c], "a number", row[c].Span));
                    }
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or DecoderFallbackException)
        {
            throw Unreadable(path, lastLine, e);
        }

        names ??= [];
        columns ??= [.. names.Select(_ => CsvColumn.Create(null))];
        return Table.Create(names.Select((name, i) => KeyValuePair.Create(name, columns[i].ToColumn())));
    }
}
