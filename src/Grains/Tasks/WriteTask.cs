using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.Grains.Tasks.Internals;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary>
/// Writes the table to <c>path/filename.dat</c> or <c>.csv</c> plus the seed's <c>.meta</c> (so numpy and
/// raspi-rtl read it back), or to numpy's <c>.npy</c>; the table passes through unchanged.
/// </summary>
public sealed class WriteTask : IRtlTask
{
    public string Name => "write";

    public string Summary => "write the table to path/filename.dat|csv (+ .meta) or .npy; table unchanged";

    public IReadOnlyList<TaskArgument> Arguments { get; } =
    [
        new("path", "directory inside the files root (created if missing)"),
        new("filename", "file name without extension"),
        new("extension", "dat, csv or npy"),
        new("delimiter", "csv field separator (default ',')", Required: false),
    ];

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment)
    {
        _ = Locate(args, environment);
        return input;
    }

    /// <summary>The table is written through fixed buffers, a selected column without gathering it.</summary>
    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment)
    {
        _ = Locate(args, environment);
        return TaskCost.Of(input.Rows).PlusFixed(args.At("extension"), 2 << 20, "of write buffers");
    }

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment)
    {
        var (kind, file, meta, delimiter) = Locate(args, environment);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        switch (kind)
        {
            case "dat":
                DatFile.Write(file, input);
                MetaFile.Write(meta, input.Schema);
                break;
            case "csv":
                // No header: open_array reads csv rows typed by the .meta, as the seed did.
                CsvFile.Write(file, input, delimiter, header: false);
                MetaFile.Write(meta, input.Schema);
                break;
            default:
                NpyFile.Write(file, input);
                break;
        }

        var files = kind == "npy" ? new[] { file } : [file, meta];
        return new TaskOutput(input, [new TaskNote("Wrote", $"{file} ({input.RowCount:N0} rows)")], files);
    }

    private static (string Kind, string File, string Meta, char Delimiter) Locate(TaskArgs args, ITaskEnvironment environment)
    {
        var kind = args.RequireChoice("extension", "dat", "csv", "npy");
        var directory = args.RequireString("path");
        var name = args.RequireString("filename");
        var delimiter = Delimiter.Read(args);
        return (kind, environment.ResolvePath("path", directory, $"{name}.{kind}"),
            environment.ResolvePath("path", directory, $"{name}.meta"), delimiter);
    }
}
