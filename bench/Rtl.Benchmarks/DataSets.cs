using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Rtl.Data;
using Rtl.Grains.Formats;

namespace Rtl.Benchmarks;

/// <summary>
/// The benchmark's data, generated once per run from a fixed seed and written to files, so the Rtl side
/// and the numpy side read exactly the same values: raw little-endian column files (<c>kernels/x.f8</c>),
/// <c>.dat</c> + <c>.meta</c> record files and a CSV.
/// </summary>
public sealed class DataSets
{
    public const int KernelRows = 1_000_000;
    public const int WideRows = 1_000_000;
    public const int WideColumns = 27;
    public const int DevRows = 51_461;

    /// <summary>The seed's dev.py metrics table has these names among its 27 fields.</summary>
    public static readonly string[] DevNames =
    [
        "numTasks", "executorRunTime", "executorCpuTime", "executorDeserializeTime", "resultSize", "jvmGCTime",
        "shuffleLocalBytesRead", "shuffleRemoteBytesRead", "shuffleBytesWritten", "shuffleWriteTime",
        "shuffleRecordsRead", "shuffleRecordsWritten", "inputBytesRead", "inputRecordsRead", "outputBytesWritten",
        "outputRecordsWritten", "memoryBytesSpilled", "diskBytesSpilled", "peakExecutionMemory", "stageId",
        "attempt", "submissionTime", "completionTime", "duration", "numActiveTasks", "numCompleteTasks", "numFailedTasks",
    ];

    public DataSets(string root)
    {
        Root = root;
        Directory.CreateDirectory(KernelDir);
        Directory.CreateDirectory(FilesRoot);
    }

    public string Root { get; }

    public string KernelDir => Path.Combine(Root, "kernels");

    /// <summary>The silo's files root: open_array paths resolve here.</summary>
    public string FilesRoot => Path.Combine(Root, "files");

    public string WideDat => Path.Combine(FilesRoot, "wide.dat");

    public string DevDat => Path.Combine(FilesRoot, "dev.dat");

    public string PairDat => Path.Combine(FilesRoot, "pair.dat");

    public string Csv => Path.Combine(Root, "table.csv");

    public Table Kernel { get; private set; } = Table.Empty;

    public long CsvBytes => new FileInfo(Csv).Length;

    public void Generate(int csvRows)
    {
        var random = new SplitMix64(20240601);
        var n = KernelRows;
        Kernel = Table.Create(
            ("x", Column.Of(Uniform(random, n, 0.001, 1000))),
            ("y", Column.Of(Uniform(random, n, 0.001, 100))),
            ("z", Column.Of(Uniform(random, n, -50, 50))),
            ("w", Column.Of(Uniform(random, n, 0, 1))),
            ("k", Column.Of(Integers(random, n, 1000))),
            ("g", Column.Of(Integers(random, n, 10))));
        foreach (var name in Kernel.Names)
        {
            File.WriteAllBytes(Path.Combine(KernelDir, $"{name}.{Kernel[name].Type.Code()[1..]}"), Kernel[name].Bytes.ToArray());
        }

        // 1,000,000 x 27 <f8 (216 MB): the .dat read and the memory measure.
        var wide = Table.Create(Enumerable.Range(0, WideColumns)
            .Select(c => KeyValuePair.Create($"c{c}", (Column)Column.Of(Uniform(random, WideRows, 0, 1000)))));
        TableFiles.Write(WideDat, wide);

        // dev.py's shape: 51,461 x 27 <f8 metrics.
        var dev = Table.Create(DevNames.Select((name, c) => KeyValuePair.Create(name, (Column)Column.Of(
            name == "numTasks" ? [.. Integers(random, DevRows, 8).Select(v => (double)v)] : Uniform(random, DevRows, 0, 1e6)))));
        TableFiles.Write(DevDat, dev);

        // open_array + add over 1,000,000 rows.
        TableFiles.Write(PairDat, Table.Create(("a", Kernel["x"]), ("b", Kernel["y"])));

        WriteCsv(random, csvRows);
    }

    /// <summary>A header, then 4 float columns (as numpy's repr prints them) and 2 integer columns.</summary>
    private void WriteCsv(SplitMix64 random, int rows)
    {
        using var writer = new StreamWriter(Csv, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("temperature,pressure,humidity,wind,sensor,count\n");
        for (var i = 0; i < rows; i++)
        {
            writer.Write(Round(random, -40, 60, 2));
            writer.Write(',');
            writer.Write((900 + (random.NextDouble() * 200)).ToString("R", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(Round(random, 0, 100, 3));
            writer.Write(',');
            writer.Write((random.NextDouble() * 40).ToString("R", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write((random.Next() % 500).ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write((random.Next() % 1_000_000).ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    private static string Round(SplitMix64 random, double low, double high, int decimals) =>
        Math.Round(low + (random.NextDouble() * (high - low)), decimals).ToString("0.0##", CultureInfo.InvariantCulture);

    private static double[] Uniform(SplitMix64 random, int n, double low, double high)
    {
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = low + (random.NextDouble() * (high - low));
        }

        return values;
    }

    private static long[] Integers(SplitMix64 random, int n, long bound)
    {
        var values = new long[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = (long)(random.Next() % (ulong)bound);
        }

        return values;
    }

    /// <summary>A table of <paramref name="bytes"/> bytes of <c>&lt;f8</c> in two columns.</summary>
    public static Table OfBytes(long bytes)
    {
        var rows = (int)(bytes / 16);
        var random = new SplitMix64(7);
        return Table.Create(("p", Column.Of(Uniform(random, rows, 0, 1))), ("q", Column.Of(Uniform(random, rows, 0, 1))));
    }

    /// <summary>Raw bytes of a column, for the numpy side.</summary>
    public static byte[] Bytes<T>(T[] values) where T : unmanaged => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
}

/// <summary>splitmix64: a tiny seeded generator (the data are files, so numpy need not reimplement it).</summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;

    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
