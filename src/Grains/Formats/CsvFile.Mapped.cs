using System.Globalization;
using System.Runtime.ExceptionServices;
using Rtl.Data;
using Rtl.Grains.Formats.Internals;

namespace Rtl.Grains.Formats;

/// <summary>
/// The fast reader: the file is mapped, the header and first row are read, and the rest is cut at line
/// breaks into parts that threads parse straight from the bytes into the final column arrays. Each part
/// counts its lines first, so every part knows the rows it writes; blank lines leave gaps closed at the end.
/// </summary>
public static unsafe partial class CsvFile
{
    /// <summary>The table, or null when the text needs Sep: quotes, a <c>\r</c> line break, UTF-16, or a delimiter a number may contain.</summary>
    private static Table? ReadMapped(string path, CsvOptions options, long partBytes)
    {
        if (!CanSplitBytes(options.Delimiter))
        {
            return null;
        }

        using var file = MappedFile.Open(path, "delimited text");
        var text = file.Start;
        var end = text + file.Length;
        if (file.Length >= 2 && ((text[0] == 0xFF && text[1] == 0xFE) || (text[0] == 0xFE && text[1] == 0xFF)))
        {
            return null; // a UTF-16 byte order mark: Sep's reader decodes it
        }

        var p = file.Length >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF ? text + 3 : text;
        var delimiter = (byte)options.Delimiter;
        var names = GivenNames(options, out var source);
        var header = options.Header;
        string[]? firstRow = null;
        for (; p < end && firstRow is null;)
        {
            var lineEnd = CsvBytes.LineEnd(p, end);
            var content = CsvBytes.Content(p, lineEnd);
            if (CsvBytes.NeedsSep(content))
            {
                return null;
            }

            if (CsvBytes.IsBlank(content, delimiter))
            {
                p = CsvBytes.NextLine(lineEnd, end);
                continue; // blank lines separate nothing, as in numpy.loadtxt
            }

            if (!header)
            {
                firstRow = CsvBytes.Cells(content, delimiter); // p stays on it: the first data line
                break;
            }

            header = false;
            var line = CsvBytes.LineNumber(text, p);
            TakeHeader(path, line, HeaderNames(path, CsvBytes.Cells(content, delimiter), line), ref names, ref source);

            p = CsvBytes.NextLine(lineEnd, end);
        }

        if (firstRow is null)
        {
            return header || !options.Header ? throw Empty(path) : EmptyTable(names ?? [], options.Schema);
        }

        names ??= [.. Enumerable.Range(0, firstRow.Length).Select(i => i.ToString(CultureInfo.InvariantCulture))];
        var types = options.Schema?.Columns.Select(c => (DType?)c.Type).ToArray() ?? new DType?[names.Length];
        return ReadRows(path, text, p - text, file.Length, partBytes,
            (types, GuessStorage(types, firstRow), delimiter, names, Expected(source, names.Length)));
    }

    // Bytes that can be part of a number, a quote or a line break cannot separate cells of the byte scanners.
    private static bool CanSplitBytes(char delimiter) =>
        delimiter < 0x80 && !char.IsAsciiLetterOrDigit(delimiter) && delimiter is not ('.' or '+' or '-' or '"' or '\r' or '\n');

    /// <summary>Inferred columns are stored as the first row suggests, so the usual column needs no copy at the end.</summary>
    private static DType[] GuessStorage(DType?[] types, string[] firstRow) =>
        [.. types.Select((type, c) => type ?? (c < firstRow.Length && CellNumbers.TryParse(firstRow[c], out long _) ? DType.I8 : DType.F8))];

    private static Table? ReadRows(
        string path, byte* text, long start, long end, long partBytes,
        (DType?[] Types, DType[] Storage, byte Delimiter, string[] Names, string CountExpected) columns)
    {
        var bounds = PartBounds(text, start, end, partBytes);
        var lines = new long[bounds.Length - 1];
        ForEachPart(lines.Length, i => lines[i] = CsvPart.CountLines(text, bounds[i], bounds[i + 1]));
        var capacity = lines.Sum();
        if (capacity > Array.MaxLength)
        {
            throw new FileFormatException(path, $"holds {capacity} lines; at most {Array.MaxLength} rows fit in a table");
        }

        var storageSchema = new TableSchema([.. columns.Storage.Select((type, c) => new ColumnSchema(c.ToString(CultureInfo.InvariantCulture), type))]);
        using var storage = new ColumnBuffers(storageSchema, (int)capacity);
        var layout = new CsvRowLayout(text, columns.Delimiter, columns.Types, storage.Pointers, columns.Names, columns.CountExpected);
        var parts = new CsvPart[lines.Length];
        for (long i = 0, slot = 0; i < parts.Length; slot += lines[i], i++)
        {
            parts[i] = new CsvPart(layout, bounds[i], bounds[i + 1], slot);
        }

        ForEachPart(parts.Length, i => parts[i].Parse());
        if (parts.Select(part => part.Problem).FirstOrDefault(problem => problem is not null) is { } problem)
        {
            return problem.NeedsSep ? null
                : throw new FileFormatException(path, $"line {CsvBytes.LineNumber(text, text + problem.LineOffset)}{problem.Detail}");
        }

        return CsvColumnAssembly.ToTable(layout, parts, storage, columns.Storage, capacity);
    }

    /// <summary>Offsets cutting <c>[start, end)</c> into parts of about <paramref name="partBytes"/>, each just after a <c>\n</c>.</summary>
    private static long[] PartBounds(byte* text, long start, long end, long partBytes)
    {
        var count = Math.Max(1, (end - start) / Math.Max(1, partBytes));
        var bounds = new List<long> { start };
        for (var i = 1; i < count; i++)
        {
            var cut = CsvBytes.NextLine(CsvBytes.LineEnd(text + start + ((end - start) * i / count), text + end), text + end) - text;
            if (cut > bounds[^1] && cut < end)
            {
                bounds.Add(cut);
            }
        }

        bounds.Add(end);
        return [.. bounds];
    }

    private static void ForEachPart(int count, Action<int> action)
    {
        if (count == 1)
        {
            action(0);
            return;
        }

        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, action);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }
}
