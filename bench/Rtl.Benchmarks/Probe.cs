using System.Diagnostics;
using Rtl.Data;
using Rtl.Grains.Registry;
using Rtl.Tasks;

namespace Rtl.Benchmarks;

/// <summary><c>--probe TASK ARGS_JSON [REPS]</c>: one kernel in a loop with GC counts, for profiling under perf.</summary>
public static class Probe
{
    public const string Flag = "--probe";

    public static int Run(string[] args)
    {
        if (args[0] is "csv" or "dat")
        {
            var path = args[1];
            var schema = args[0] == "dat" ? Rtl.Grains.Formats.MetaFile.Read(Rtl.Grains.Formats.TableFiles.MetaPath(path)) : null;
            var fileTimes = new List<double>();
            for (var i = 0; i < int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture); i++)
            {
                var clock = Stopwatch.StartNew();
                GC.KeepAlive(schema is null ? Rtl.Grains.Formats.CsvFile.Read(path) : Rtl.Grains.Formats.DatFile.Read(path, schema));
                fileTimes.Add(clock.Elapsed.TotalMilliseconds);
            }

            var fileSamples = new Samples(fileTimes);
            Console.WriteLine($"{args[0]}: median {fileSamples.Median:F1} ms, min {fileSamples.Min:F1} ms, {new FileInfo(path).Length / 1e6 / (fileSamples.Min / 1000):F0} MB/s at min");
            return 0;
        }

        var registry = TaskRegistry.BuiltIn();
        if (!registry.TryFind(args[0], out var task))
        {
            Console.Error.WriteLine($"no task {args[0]}");
            return 2;
        }

        var reps = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200;
        var random = new SplitMix64(1);
        var n = DataSets.KernelRows;
        double[] Make(double scale)
        {
            var v = new double[n];
            for (var i = 0; i < n; i++)
            {
                v[i] = 0.001 + (random.NextDouble() * scale);
            }

            return v;
        }

        var table = Table.Create(("x", Column.Of(Make(1000))), ("y", Column.Of(Make(100))), ("z", Column.Of(Make(100))));
        var taskArgs = TaskArgs.Parse(args[1]);
        var environment = new BenchEnvironment(Path.GetTempPath(), Path.GetTempPath());
        var times = new List<double>();
        var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pause = GC.GetTotalPauseDuration();
        for (var i = 0; i < reps; i++)
        {
            var clock = Stopwatch.StartNew();
            GC.KeepAlive(task.Run(taskArgs, table, environment));
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var samples = new Samples(times.Skip(reps / 10).ToArray());
        Console.WriteLine($"{args[0]}: median {samples.Median:F3} ms, min {samples.Min:F3} ms, p99 {samples.P99:F3} ms; " +
            $"GCs gen0 {GC.CollectionCount(0) - gcs.Item1} gen1 {GC.CollectionCount(1) - gcs.Item2} gen2 {GC.CollectionCount(2) - gcs.Item3}, " +
            $"pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F1} ms total");
        return 0;
    }
}
