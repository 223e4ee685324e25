using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.Tasks;

namespace Rtl.Grains.Streams;

/// <summary>A stream's <c>file:PATH.csv</c> sink: each window's result rows appended, the header written when the file is new.</summary>
public static class CsvSink
{
    public static void Append(ITaskEnvironment environment, string path, Table result)
    {
        var full = environment.ResolvePath("--sink", path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var file = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read);
        CsvFile.Write(file, result, header: file.Length == 0);
    }
}
