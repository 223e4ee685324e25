using Rtl.Data;

namespace Rtl.Grains.Formats;

/// <summary>Reads and writes a table in the format its file extension names.</summary>
public static class TableFiles
{
    /// <summary>The extensions <see cref="Read"/> and <see cref="Write"/> understand.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".dat", ".csv", ".npy"];

    /// <summary>
    /// <c>.dat</c>: packed records typed by the <c>.meta</c> beside it (<c>x.dat</c> → <c>x.meta</c>);
    /// <c>.csv</c>: header row, types inferred; <c>.npy</c>: numpy's format.
    /// </summary>
    public static Table Read(string path) => Kind(path) switch
    {
        ".dat" => DatFile.Read(path, MetaFile.Read(MetaPath(path))),
        ".csv" => CsvFile.Read(path),
        _ => NpyFile.Read(path),
    };

    /// <summary><c>.dat</c> writes <c>x.dat</c> and <c>x.meta</c>; <c>.csv</c> writes a header row.</summary>
    public static void Write(string path, Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        switch (Kind(path))
        {
            case ".dat":
                DatFile.Write(path, table);
                MetaFile.Write(MetaPath(path), table.Schema);
                break;
            case ".csv":
                CsvFile.Write(path, table);
                break;
            default:
                NpyFile.Write(path, table);
                break;
        }
    }

    /// <summary>Where the seed kept a <c>.dat</c>'s dtype: the same name with <c>.meta</c>.</summary>
    public static string MetaPath(string datPath) => Path.ChangeExtension(datPath, ".meta");

    private static string Kind(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return Extensions.Contains(extension)
            ? extension
            : throw new FileFormatException(path,
                $"unsupported file type '{extension}' (supported: .dat with its .meta, .csv with a header row, .npy)");
    }
}
