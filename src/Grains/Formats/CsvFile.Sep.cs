using System.Globalization;
using Rtl.Data;
using Rtl.Grains.Formats.Internals;
using nietras.SeparatedValues;

namespace Rtl.Grains.Formats;

/// <summary>
/// Delimited text read by Sep, one row at a time: files with quotes (or a delimiter a number could contain), and
/// every stream <see cref="TextFile"/> reads. The one reading loop of the three entry points; the mapped reader
/// is its fast path and gives the same table or the same error (a test pins them together).
/// </summary>
public static partial class CsvFile
{
    internal static Table ReadWithSep(string path, CsvOptions options)
    {
        using var reader = Open(path, options.Delimiter);
        var lastLine = 0;
        return ReadRows(reader, path, options, ref lastLine);
    }

    /// <summary>The table in <paramref name="reader"/>'s rows; <paramref name="lastLine"/> follows the last line read, for errors the reader throws.</summary>
    internal static Table ReadRows(SepReader reader, string path, CsvOptions options, ref int lastLine)
    {
        var names = GivenNames(options, out var source);
        var header = options.Header;
        CsvColumn[]? columns = null;
        foreach (var row in reader)
        {
            // Sep 0.17 reports line 2 for the first row when there is no header row; it starts on line 1.
            var line = row.RowIndex == 0 ? 1 : row.LineNumberFrom;
            lastLine = row.LineNumberToExcl - 1;
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

        if (columns is null && (header || !options.Header))
        {
            throw Empty(path);
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

    /// <summary>
    /// How every delimited text is read: column counts are checked by the loop, to name the file and line; an explicit
    /// separator because Sep's auto-detection guesses from the first line.
    /// </summary>
    internal static SepReaderOptions SepReading(char delimiter) => Sep.Reader(o => o with
    {
        Sep = new Sep(delimiter),
        HasHeader = false,
        DisableColCountCheck = true,
        Unescape = true,
        CultureInfo = CultureInfo.InvariantCulture,
    });

    private static SepReader Open(string path, char delimiter)
    {
        try
        {
            return SepReading(delimiter).FromFile(path);
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
