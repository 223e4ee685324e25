using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.Grains.Registry;
using Rtl.Tasks;

namespace Rtl.Benchmarks;

/// <summary>
/// Peak memory of a 10-task stage over 1,000,000 × 27 <c>&lt;f8</c>, in a fresh process (this executable with
/// <c>--child-memory</c>): the input is read, then the tasks run one after another on the table the previous one
/// returned, as a stage grain runs them. Peak resident memory comes from the kernel's VmHWM, reset just before
/// the stage through <c>/proc/self/clear_refs</c>.
/// </summary>
public static class MemoryBench
{
    public const string ChildFlag = "--child-memory";

    private static readonly (string Task, string Args)[] Stage =
    [
        ("filter", """{"operations":[{"column":"c0","method":"gt","value":100}]}"""),
        ("add", """{"operations":[{"a":"c1","b":"c2","column":"sum"}]}"""),
        ("subtract", """{"operations":[{"a":"c3","b":"c4","column":"delta"}]}"""),
        ("multiply", """{"operations":[{"a":"c5","b":2.5,"column":"scaled"}]}"""),
        ("divide", """{"operations":[{"a":"sum","b":"c6","column":"ratio"}]}"""),
        ("log", """{"operations":[{"a":"c7","column":"logged"}]}"""),
        ("square_root", """{"operations":[{"a":"c8","column":"root"}]}"""),
        ("normalize", """{"model":"Squash","columns":["ratio"]}"""),
        ("cross_average", """{"operations":[{"columns":["c9","c10","c11"],"column":"mean3"}]}"""),
        ("average", """{"operations":[{"a":"delta","column":"deltaAverage"}]}"""),
    ];

    public static string Describe => string.Join(", ", Stage.Select(s => s.Task));

    public sealed record Result(long InputBytes, long RssBefore, long RssLoaded, long PeakStage, long AllocatedStage, bool PeakReset, int RowsOut, int ColumnsOut);

    public static void Run(DataSets data, Report report, string section)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(MemoryBench).Assembly.Location);
        }

        start.ArgumentList.Add(ChildFlag);
        start.ArgumentList.Add(data.WideDat);
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var result = JsonSerializer.Deserialize<Result>(output.Trim().Split('\n')[^1])!;

        var peakOverRuntime = result.PeakStage - result.RssBefore;
        var ratio = (double)peakOverRuntime / result.InputBytes;
        var mb = (long bytes) => $"{bytes / 1e6:F0} MB";
        report.Add(new Row(section,
            $"peak memory of a 10-task stage over {DataSets.WideRows:N0} × {DataSets.WideColumns} <f8 ({Describe}), fresh process: peak RSS above the runtime's own vs the input size",
            mb(peakOverRuntime), mb(result.InputBytes), ratio, "≤ 1.5x input", ratio <= 1.5,
            $"RSS before input {mb(result.RssBefore)}, with input {mb(result.RssLoaded)}, stage peak {mb(result.PeakStage)}{(result.PeakReset ? "" : " (VmHWM not resettable: peak includes the load)")}; " +
            $"GC allocated by the stage {mb(result.AllocatedStage)} ({(double)result.AllocatedStage / result.InputBytes:F2}x input); out {result.RowsOut:N0} × {result.ColumnsOut}"));
    }

    /// <summary>The child's side: prints one JSON <see cref="Result"/>.</summary>
    public static int Child(string datPath)
    {
        var registry = TaskRegistry.BuiltIn();
        var environment = new BenchEnvironment(Path.GetDirectoryName(datPath)!, Path.GetTempPath());
        var calls = Stage.Select(s => (Task: registry.TryFind(s.Task, out var t) ? t : throw new InvalidOperationException(s.Task), Args: TaskArgs.Parse(s.Args))).ToArray();

        // Warm the code paths on a small table so JIT memory is not counted against the stage.
        var small = DatFile.Read(datPath, MetaFile.Read(TableFiles.MetaPath(datPath))).Slice(0, 1000);
        RunStage(calls, small, environment);
        small = null;
        Settle();
        var before = Rss();

        var input = DatFile.Read(datPath, MetaFile.Read(TableFiles.MetaPath(datPath)));
        Settle();
        var loaded = Rss();
        var reset = ResetPeak();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var output = RunStage(calls, input, environment);
        var allocatedStage = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var peak = reset ? Peak() : Math.Max(Peak(), Rss());
        GC.KeepAlive(input);
        Console.WriteLine(JsonSerializer.Serialize(new Result(input.ByteSize, before, loaded, peak, allocatedStage, reset, output.RowCount, output.ColumnCount)));
        return 0;
    }

    private static Table RunStage((IRtlTask Task, TaskArgs Args)[] calls, Table table, ITaskEnvironment environment)
    {
        foreach (var (task, args) in calls)
        {
            table = task.Run(args, table, environment).Table;
        }

        return table;
    }

    private static void Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long Rss() => Status("VmRSS:");

    private static long Peak() => Status("VmHWM:");

    private static long Status(string key)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
