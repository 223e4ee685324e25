using System.Globalization;
using nietras.SeparatedValues;
using Rtl.Data;

namespace Rtl.Formats;

/// <summary>Delimited text with quotes (or a delimiter a number could contain) read by Sep, one row at a time.</summary>
public static partial class CsvFile
{
    private static Table ReadWithSep(string path, CsvOptions options)
    {
        using var reader = Open(path, options.Delimiter);
        var names = GivenNames(options, out var source);
        var header = options.Header;
        CsvColumn[]? columns = null;
        foreach (var row in reader)
        {
            // Sep 0.17 reports line 2 for the first row when there is no header row; it starts on line 1.
            var line = row.RowIndex == 0 ? 1 : row.LineNumberFrom;
            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
            {
                continue; // blank lines separate nothing, as in numpy.loadtxt
            }

            if (header)
            {
                header = false;
                TakeHeader(path, line, HeaderNames(path, row, line), ref names, ref source);

                continue;
            }

            names ??= [.. Enumerable.Range(0, row.ColCount).Select(i => i.ToString(CultureInfo.InvariantCulture))];
            columns ??= CreateColumns(names.Length, options.Schema);
            if (row.ColCount != columns.Length)
            {
                throw new FileFormatException(path,
                    $"line {line} has {Count(row.ColCount, "value")} but {Expected(source, columns.Length)}");
            }

            for (var c = 0; c < columns.Length; c++)
            {
                if (!columns[c].TryAdd(row[c].Span))
                {
                    throw new FileFormatException(path,
                        BadCell.Message(line, c, names[c], columns[c].Expected, row[c].Span));
                }
            }
        }

        names ??= [];
        return columns is null ? EmptyTable(names, options.Schema)
            : Table.Create(names.Select((name, i) => KeyValuePair.Create(name, columns[i].ToColumn())));
    }

    /// <summary>The header names of a row Sep read (also used by the <c>open</c> task's reader).</summary>
    internal static string[] HeaderNames(string path, SepReader.Row row, int line)
    {
        var cells = new string[row.ColCount];
        for (var c = 0; c < cells.Length; c++)
        {
            cells[c] = row[c].ToString();
        }

        return HeaderNames(path, cells, line);
    }

    private static CsvColumn[] CreateColumns(int count, TableSchema? schema) =>
        [.. Enumerable.Range(0, count).Select(i => CsvColumn.Create(schema?.Columns[i].Type))];

    private static SepReader Open(string path, char delimiter)
    {
        var sep = new Sep(delimiter);
        try
        {
            // Column counts are checked here, to name the file and line; an explicit separator
            // because Sep's auto-detection guesses from the first line.
            return Sep.Reader(o => o with
            {
                Sep = sep,
                HasHeader = false,
                DisableColCountCheck = true,
                Unescape = true,
                CultureInfo = CultureInfo.InvariantCulture,
            }).FromFile(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileFormatException(path, "file not found (expected delimited text)", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FileFormatException(path, $"cannot be read: {e.Message}", e);
        }
    }
}
