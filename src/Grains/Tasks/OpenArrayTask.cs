using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.Grains.Tasks.Internals;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary>
/// Replaces the table with <c>path/filename.dat</c> or <c>.csv</c> typed by <c>path/filename.meta</c> (the
/// seed's format), or with numpy's own <c>path/filename.npy</c>.
/// </summary>
public sealed class OpenArrayTask : IRtlTask
{
    public string Name => "open_array";

    public string Summary => "read path/filename.dat|csv (typed by its .meta) or .npy; replaces the table";

    public IReadOnlyList<TaskArgument> Arguments { get; } =
    [
        new("path", "directory inside the files root"),
        new("filename", "file name without extension"),
        new("extension", "dat, csv or npy"),
        new("delimiter", "csv field separator (default ',')", Required: false),
    ];

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment)
    {
        var (kind, file, meta, _) = Locate(args, environment);
        return kind == "npy" ? NpyFile.ReadPlan(file).Schema : MetaFile.Read(meta);
    }

    /// <summary>
    /// The rows the file can hold, from its size: <c>.dat</c> records of the <c>.meta</c>'s width, the <c>.npy</c>
    /// header's shape, and for <c>.csv</c> one row per as many bytes as it has columns (a row of empty cells is its
    /// delimiters and a line break), whose parse may hold its columns three times (parts, growth, the joined column).
    /// </summary>
    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment)
    {
        var (kind, file, meta, _) = Locate(args, environment);
        var length = new FileInfo(file).Length;
        var (schema, rows) = kind == "npy" ? NpyFile.ReadPlan(file) : (MetaFile.Read(meta), 0L);
        var table = new TablePlan(schema, kind switch
        {
            "npy" => rows,
            "dat" => schema.Columns.Count == 0 ? 0 : length / new TablePlan(schema, 1).RowBytes,
            _ => schema.Columns.Count == 0 ? 0 : (length / schema.Columns.Count) + 1,
        });
        return TaskCost.Of(table.Rows).Plus(args.At("filename"), table.Rows, "rows", table.RowBytes * (kind == "csv" ? 3 : 1),
            kind == "csv" ? $"while parsing {Path.GetFileName(file)}" : $"of {Path.GetFileName(file)}");
    }

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment)
    {
        var (kind, file, meta, delimiter) = Locate(args, environment);
        var table = kind switch
        {
            "dat" => DatFile.Read(file, MetaFile.Read(meta)),
            "csv" => CsvFile.Read(file, new CsvOptions { Delimiter = delimiter, Header = false, Schema = MetaFile.Read(meta) }),
            _ => NpyFile.Read(file),
        };
        return new TaskOutput(table, new TaskNote("Opened", $"{Path.GetFileName(file)} ({table.RowCount:N0} rows x {table.ColumnCount} columns)"));
    }

    private static (string Kind, string File, string Meta, char Delimiter) Locate(TaskArgs args, ITaskEnvironment environment)
    {
        var kind = args.RequireChoice("extension", "dat", "csv", "npy");
        var directory = args.RequireString("path");
        var name = args.RequireString("filename");
        var delimiter = Delimiter.Read(args);
        var file = environment.ResolvePath("path", directory, $"{name}.{kind}");
        var meta = environment.ResolvePath("path", directory, $"{name}.meta");
        if (!File.Exists(file))
        {
            throw new TaskArgumentException("filename", $"file not found on silo '{environment.SiloName}': {file}");
        }

        if (kind != "npy" && !File.Exists(meta))
        {
            throw new TaskArgumentException("filename", $"the dtype file {meta} is missing on silo '{environment.SiloName}' (a .{kind} needs its .meta)");
        }

        return (kind, file, meta, delimiter);
    }
}
