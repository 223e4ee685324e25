using System.Globalization;
using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.Grains.Tasks.Internals;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary>
/// Replaces the table with a delimited text file or a JSON-lines file (<c>encoding: json</c>), optionally a
/// zlib stream (<c>compression: zlib</c>): <c>path/file</c>, resolved inside the files root. Columns are
/// <c>&lt;i8</c> when every value is an integer, else <c>&lt;f8</c>; they are named by the header
/// (<c>header: true</c>), by <c>columns</c>, or <c>0</c>, <c>1</c>, …. The seed's <c>task_open</c> was never
/// callable through the service.
/// </summary>
/// <remarks>
/// A column's type depends on every value in it, so <see cref="Plan"/> reads the whole file to learn the
/// schema (the file is then read again by <see cref="Run"/>); that is the price of exact types without a
/// <c>.meta</c>.
/// </remarks>
public sealed class OpenTask : IRtlTask
{
    public string Name => "open";

    public string Summary => "read path/file: delimited text or JSON lines, optionally zlib; replaces the table";

    public IReadOnlyList<TaskArgument> Arguments { get; } =
    [
        new("path", "directory inside the files root"),
        new("file", "file name, with its extension"),
        new("delimiter", "field separator for delimited text (default ',')", Required: false),
        new("header", "true: the first line names the columns (default false)", Required: false),
        new("columns", "column names (default: the header's, or 0, 1, …)", Required: false),
        new("encoding", "json: one JSON object per line, its keys are the columns (default: delimited text)", Required: false),
        new("compression", "zlib: the file is a zlib stream (default: none)", Required: false),
    ];

    /// <summary>The file's table replaces the incoming one, whatever it held.</summary>
    public ColumnUse? Uses(TaskArgs args) => ColumnUse.Replaces([]);

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment) =>
        Read(args, environment).Table.Schema;

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment)
    {
        var (table, file) = Read(args, environment);
        return new TaskOutput(table,
            new TaskNote("Opened", $"{Path.GetFileName(file)} ({table.RowCount:N0} rows x {table.ColumnCount} columns)"));
    }

    /// <summary>
    /// Measured before <see cref="Plan"/> reads the file (<see cref="TextFile.Measure"/>): its lines and widest line.
    /// A parsed cell may be held as an integer and as a float while the column's type is open, each in an array that
    /// grows by doubling (every array it outgrew counted as not yet collected: 4 × 8 bytes a cell), then trimmed into
    /// its column: at most 9 × 8 bytes.
    /// </summary>
    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment)
    {
        var (options, file, name, _) = Locate(args, environment);
        var (lines, fields) = TextFile.Measure(file, options);
        return TaskCost.Of(lines).Plus(args.At("file"), CostMath.Times(lines, fields), "cells", 9 * sizeof(double),
                string.Create(CultureInfo.InvariantCulture, $"while parsing {name} ({lines:N0} lines, at most {fields:N0} fields)"))
            .PlusFixed(args.At("file"), 1 << 20, "of read buffers");
    }

    private static (Table Table, string File) Read(TaskArgs args, ITaskEnvironment environment)
    {
        var (options, file, name, names) = Locate(args, environment);
        // Columns named in the arguments make an empty file a table of them with no rows; without, it is an error.
        var table = names is not null && !TextFile.HasText(file, options) ? Table.Empty : TextFile.Read(file, options);
        return (names is null ? table : Rename(args, table, names, name), file);
    }

    private static (TextFileOptions Options, string File, string Name, IReadOnlyList<string>? Names) Locate(TaskArgs args, ITaskEnvironment environment)
    {
        var encoding = args.OptionalChoice("encoding", "text", "json") == "json" ? TextEncoding.JsonLines : TextEncoding.Delimited;
        var compression = args.OptionalChoice("compression", "none", "zlib") == "zlib" ? TextCompression.Zlib : TextCompression.None;
        var delimiter = Delimiter.Read(args);
        var header = args.OptionalBool("header", false);
        if (header && encoding == TextEncoding.JsonLines)
        {
            throw new TaskArgumentException(args.At("header"), "JSON lines have no header line (their keys name the columns)");
        }

        var names = ColumnNames(args);
        var directory = args.RequireString("path");
        var name = args.RequireString("file");
        var file = environment.ResolvePath("path", directory, name);
        if (!File.Exists(file))
        {
            throw new TaskArgumentException(args.At("file"),
                Directory.Exists(file) ? $"{file} is a directory, not a file" : $"file not found on silo '{environment.SiloName}': {file}");
        }

        var options = new TextFileOptions { Encoding = encoding, Compression = compression, Delimiter = delimiter, Header = header };
        return (options, file, name, names);
    }

    private static IReadOnlyList<string>? ColumnNames(TaskArgs args)
    {
        if (!args.Has("columns"))
        {
            return null;
        }

        var names = args.RequireStrings("columns");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Length == 0 || !seen.Add(names[i]))
            {
                throw new TaskArgumentException($"{args.At("columns")}[{i}]",
                    names[i].Length == 0 ? "a column name must not be empty" : $"column name '{names[i]}' appears twice");
            }
        }

        return names;
    }

    private static Table Rename(TaskArgs args, Table table, IReadOnlyList<string> names, string file)
    {
        if (table.ColumnCount == 0)
        {
            // An empty file has no columns to count; give it the names asked for, with no rows.
            return Table.Create(names.Select(n => KeyValuePair.Create(n, (Column)Column.Of(Array.Empty<double>()))));
        }

        if (names.Count != table.ColumnCount)
        {
            throw new TaskArgumentException(args.At("columns"),
                $"{names.Count} column {(names.Count == 1 ? "name was" : "names were")} given but {file} has " +
                $"{table.ColumnCount} column{(table.ColumnCount == 1 ? string.Empty : "s")} ({string.Join(", ", table.Names)})");
        }

        return Table.Create(names.Select((n, i) => KeyValuePair.Create(n, table.Columns[i])));
    }
}
