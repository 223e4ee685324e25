using Rtl.Data;
using Rtl.Grains.Formats.Internals;

namespace Rtl.Grains.Formats;

/// <summary>
/// Delimited text, one row per line. Read from the mapped file in parallel parts, straight from its bytes
/// (<c>CsvFile.Mapped.cs</c>); text with quotes goes to Sep (<c>CsvFile.Sep.cs</c>). Written by
/// <c>Write</c> in <c>CsvFile.Write.cs</c>.
/// </summary>
public static partial class CsvFile
{
    // A part of a file per thread task: small enough to balance two busy cores, large enough that scheduling is noise.
    private const long PartBytes = 1 << 20;

    public static Table Read(string path, CsvOptions? options = null) => Read(path, options, PartBytes);

    /// <summary><see cref="Read(string, CsvOptions?)"/> with files cut into parts of about <paramref name="partBytes"/> (tests use tiny parts).</summary>
    internal static Table Read(string path, CsvOptions? options, long partBytes)
    {
        options ??= CsvOptions.Default;
        if (options.Schema is not null && options.Names is not null)
        {
            throw new ArgumentException("give column names either in Names or in Schema, not both", nameof(options));
        }

        return ReadMapped(path, options, partBytes) ?? ReadWithSep(path, options);
    }

    /// <summary>A header row's names: trimmed, non-empty, unique (also used by the <c>open</c> task's reader).</summary>
    internal static string[] HeaderNames(string path, IReadOnlyList<string> cells, int line)
    {
        var names = new string[cells.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < names.Length; c++)
        {
            names[c] = cells[c].Trim();
            if (names[c].Length == 0)
            {
                throw new FileFormatException(path, $"line {line}: header column {c + 1} has no name");
            }

            if (!seen.Add(names[c]))
            {
                throw new FileFormatException(path, $"line {line}: header name '{names[c]}' appears twice");
            }
        }

        return names;
    }

    internal static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private enum Source
    {
        Schema,
        Names,
        Header,
        FirstRow,
    }

    /// <summary>The column names the caller gave (a schema's or <see cref="CsvOptions.Names"/>), if any, and where they came from.</summary>
    private static string[]? GivenNames(CsvOptions options, out Source source)
    {
        var names = options.Schema?.Names.ToArray() ?? options.Names?.ToArray();
        source = options.Schema is not null ? Source.Schema : names is not null ? Source.Names : Source.FirstRow;
        return names;
    }

    /// <summary>A header row against the names given: it must have as many; with none given, it names the columns.</summary>
    private static void TakeHeader(string path, int line, string[] headerNames, ref string[]? names, ref Source source)
    {
        if (names is not null && names.Length != headerNames.Length)
        {
            throw new FileFormatException(path,
                $"line {line}: the header has {Count(headerNames.Length, "column")} but {Expected(source, names.Length)}");
        }

        if (names is null)
        {
            names = headerNames;
            source = Source.Header;
        }
    }

    private static string Expected(Source source, int count) => source switch
    {
        Source.Schema => $"the schema has {Count(count, "column")}",
        Source.Names => $"{Count(count, "column name")} {(count == 1 ? "was" : "were")} given",
        Source.Header => $"the header has {Count(count, "column")}",
        _ => $"the first row has {count}",
    };

    /// <summary>Nothing but blank lines (or no bytes at all): no header, no rows, so no column a task could use.</summary>
    internal static FileFormatException Empty(string path) => new(path, "file is empty");

    /// <summary>Columns with no rows: <c>&lt;f8</c> where inferred, as numpy's default dtype.</summary>
    private static Table EmptyTable(string[] names, TableSchema? schema) =>
        Table.Create(names.Select((name, i) => KeyValuePair.Create(name, CsvColumn.Create(schema?.Columns[i].Type).ToColumn())));
}
