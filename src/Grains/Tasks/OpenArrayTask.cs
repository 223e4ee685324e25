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
        new("usecols", "read only these columns, in this order (default all); a .dat or .npy skips the others' bytes", Required: false),
        new(Needed, "without usecols: read only the file's columns named here, in the file's order, passing over names it lacks; Rtl sets it to what the rest of the pipeline reads", Required: false),
    ];

    /// <summary>The argument a pipeline's projection adds (<c>ColumnLiveness</c>): the columns later tasks read.</summary>
    public const string Needed = "needed";

    /// <summary>The file's table replaces the incoming one, whatever it held.</summary>
    public ColumnUse? Uses(TaskArgs args) => ColumnUse.Replaces([]);

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment)
    {
        var (kind, file, meta, _) = Locate(args, environment);
        var schema = kind == "npy" ? NpyFile.ReadPlan(file).Schema : MetaFile.Read(meta);
        return Kept(args, schema).Schema;
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

        // A .csv is parsed whole and then narrowed; a .dat or .npy allocates only the columns it keeps.
        var kept = kind == "csv" ? table : new TablePlan(Kept(args, schema).Schema, table.Rows);
        return TaskCost.Of(table.Rows).Plus(args.At("filename"), table.Rows, "rows", kept.RowBytes * (kind == "csv" ? 3 : 1),
            kind == "csv" ? $"while parsing {Path.GetFileName(file)}" : $"of {Path.GetFileName(file)}");
    }

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment)
    {
        var (kind, file, meta, delimiter) = Locate(args, environment);
        var schema = kind == "npy" ? null : MetaFile.Read(meta);
        var all = schema ?? (args.Has("usecols") || args.Has(Needed) ? NpyFile.ReadPlan(file).Schema : null);
        var pick = all is null ? null : Kept(args, all).Pick;
        var table = kind switch
        {
            "dat" => DatFile.Read(file, schema!, pick),
            "csv" => Narrowed(CsvFile.Read(file, new CsvOptions { Delimiter = delimiter, Header = false, Schema = schema }), pick),
            _ => NpyFile.Read(file, pick),
        };
        var of = pick is null ? "" : $" of {all!.Columns.Count}";
        return new TaskOutput(table, new TaskNote("Opened", $"{Path.GetFileName(file)} ({table.RowCount:N0} rows x {table.ColumnCount}{of} columns)"));
    }

    /// <summary>The columns <c>usecols</c> or <c>needed</c> keep (all when both are absent) and their indices in the file's schema (null for all).</summary>
    private static (TableSchema Schema, IReadOnlyList<int>? Pick) Kept(TaskArgs args, TableSchema schema)
    {
        if (!args.Has("usecols"))
        {
            return args.Has(Needed) ? NeededOnly(args, schema) : (schema, null);
        }

        var names = args.RequireColumns("usecols", schema);
        var index = new Dictionary<string, int>();
        for (var i = 0; i < schema.Columns.Count; i++)
        {
            index.TryAdd(schema.Columns[i].Name, i);
        }

        var pick = new List<int>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            if (pick.Contains(index[names[i]]))
            {
                throw new TaskArgumentException($"{args.At("usecols")}[{i}]", $"column '{names[i]}' is listed twice");
            }

            pick.Add(index[names[i]]);
        }

        return (new TableSchema(pick.Select(i => schema.Columns[i])), pick);
    }

    /// <summary>
    /// The file's columns named in <c>needed</c>, in the file's order; null when that is all of them, or none (a table
    /// of no columns would lose the file's row count).
    /// </summary>
    private static (TableSchema Schema, IReadOnlyList<int>? Pick) NeededOnly(TaskArgs args, TableSchema schema)
    {
        var needed = new HashSet<string>(args.RequireStrings(Needed), StringComparer.Ordinal);
        var pick = Enumerable.Range(0, schema.Columns.Count).Where(i => needed.Contains(schema.Columns[i].Name)).ToArray();
        return pick.Length == schema.Columns.Count || pick.Length == 0 ? (schema, null) : (new TableSchema(pick.Select(i => schema.Columns[i])), pick);
    }

    private static Table Narrowed(Table table, IReadOnlyList<int>? pick) =>
        pick is null ? table : Table.Create(pick.Select(i => KeyValuePair.Create(table.Names[i], table.Columns[i])));

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
