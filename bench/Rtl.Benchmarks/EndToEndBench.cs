using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rtl.Client;
using Rtl.Grains.Hosting;
using Rtl.Jobs;
using Rtl.Pipelines;
using Rtl.Silo.Demo;
using Rtl.Silo.Hosting;

namespace Rtl.Benchmarks;

/// <summary>
/// C. Through real silos: in-process <see cref="SiloHost"/> hosts on a temp data dir and free ports, reached by
/// the public <see cref="RtlClient"/> through the gateway (TCP on loopback).
/// </summary>
public static partial class EndToEndBench
{
    internal static readonly Pipeline NullPipeline = Pipeline.Builder().Stage(s => s.Task("null")).Build();

    public static readonly Pipeline DevPipeline = Pipeline.Builder()
        .Stage(s => s.Task("open_array", new { path = ".", filename = "dev", extension = "dat" }))
        .Stage(s => s
            .Task("filter", new { operations = new[] { new { column = "numTasks", method = "gt", value = 1 } } })
            .Task("add", new { operations = new[] { new { a = "shuffleLocalBytesRead", b = "shuffleRemoteBytesRead", column = "shuffle" } } })
            .Task("divide", new { operations = new[] { new { a = "shuffle", b = "executorRunTime", column = "rate" } } })
            .Task("normalize", new { model = "Squash", columns = new[] { "rate" } })
            .Task("subtract", new { operations = new[] { new { a = "executorRunTime", b = "executorCpuTime", column = "idle" } } })
            .Task("average", new { operations = new[] { new { a = "idle", column = "idleAverage" } } }))
        .Build();

    private static readonly Pipeline PairPipeline = Pipeline.Builder()
        .Stage(s => s
            .Task("open_array", new { path = ".", filename = "pair", extension = "dat" })
            .Task("add", new { operations = new[] { new { a = "a", b = "b", column = "c" } } }))
        .Build();

    public static async Task Run(DataSets data, Report report, Budget budget, bool quick, Numpy numpy, DaskCluster dask, int rounds, string section)
    {
        var dataDir = Path.Combine(data.Root, "silo");
        var cluster = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var first = await StartSilo(dataDir, data.FilesRoot, cluster);
        IHost? second = null;
        try
        {
            await using var rtl = await RtlClient.ConnectAsync(new RtlClientOptions { DataDir = dataDir, ClusterId = cluster, BulkChannel = EndToEndBench.Bulk });
            await NullRoundTrip(rtl, report, quick, section, dask);
            await NullThroughput(rtl, report, quick, section, dask);
            await Pipelines(rtl, report, budget, numpy, dask, rounds, section);

            second = await StartSilo(dataDir, data.FilesRoot, cluster);
            await SiloToSilo(first, second, report, budget, section);
        }
        finally
        {
            foreach (var host in new[] { second, first })
            {
                if (host is not null)
                {
                    await host.StopAsync(TimeSpan.FromSeconds(10));
                    host.Dispose();
                }
            }
        }
    }

    /// <summary>The null-pipeline rows alone (<c>--null</c>), on one silo: what a change to the per-job path moves.</summary>
    public static async Task RunNull(DataSets data, Report report, bool quick, string section)
    {
        var dataDir = Path.Combine(data.Root, "silo");
        var cluster = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var silo = await StartSilo(dataDir, data.FilesRoot, cluster);
        try
        {
            await using var rtl = await RtlClient.ConnectAsync(new RtlClientOptions { DataDir = dataDir, ClusterId = cluster, BulkChannel = EndToEndBench.Bulk });
            await NullRoundTrip(rtl, report, quick, section, dask: null);
            await NullThroughput(rtl, report, quick, section, dask: null);
        }
        finally
        {
            await silo.StopAsync(TimeSpan.FromSeconds(10));
            silo.Dispose();
        }
    }

    private static async Task Pipelines(RtlClient rtl, Report report, Budget budget, Numpy numpy, DaskCluster dask, int rounds, string section)
    {
        var devStages = new List<double>();
        var devTasks = new List<TaskTiming[]>();
        var (dev, numpyDev, daskDev) = await Interleave(numpy, dask, "dev pipeline", budget, rounds, async () =>
        {
            var result = await rtl.RunAsync(DevPipeline);
            devStages.Add(result.Milliseconds);
            devTasks.Add(Tasks(result)); // the timings only: holding every result's table would load the GC
        });
        var devResult = await rtl.RunAsync(DevPipeline);
        KernelBench.AddRow(report, section,
            $"dev.py-shaped pipeline end to end (open {DataSets.DevRows:N0} × 27 .dat; filter, add, divide, normalize Squash, subtract, average; {devResult.Table!.RowCount:N0} × {devResult.Table.ColumnCount} back) vs numpy in-process same steps",
            dev, numpyDev, 1.0, $"job's own clock p50 {Report.Ms(new Samples(devStages).Median)}; {TaskBreakdown(devTasks)}{DaskNote(daskDev, "2 tasks, one per stage (open; the other six steps), the second given the first's future")}",
            DaskCluster.Figure(dev.Median, daskDev?.Median));

        var pairStages = new List<double>();
        var pairTasks = new List<TaskTiming[]>();
        var (pair, numpyPair, daskPair) = await Interleave(numpy, dask, "pair add", budget, rounds, async () =>
        {
            var result = await rtl.RunAsync(PairPipeline);
            pairStages.Add(result.Milliseconds);
            pairTasks.Add(Tasks(result));
        });
        var pairResult = await rtl.RunAsync(PairPipeline);
        KernelBench.AddRow(report, section,
            $"one stage over {DataSets.KernelRows:N0} rows: open a 2-column .dat, add, {pairResult.Table!.ColumnCount} columns ({pairResult.Table.ByteSize / 1e6:F0} MB) back to the client vs `np.fromfile` + add",
            pair, numpyPair, 1.5, $"job's own clock p50 {Report.Ms(new Samples(pairStages).Median)}; {TaskBreakdown(pairTasks)}{DaskNote(daskPair, "1 task, Rtl's one stage (open + add)")}",
            DaskCluster.Figure(pair.Median, daskPair?.Median));

        await GroupedRow(rtl, report, budget, numpy, rounds, section);
    }

    private static string DaskNote(Samples? dask, string tasks) =>
        dask is null ? "" : $"; Dask: {tasks}, `.result()` to the client, n={dask.Count}";

    /// <summary>Alternating blocks of numpy, Dask and Rtl, as <see cref="Numpy.Interleave"/> for an async Rtl side.</summary>
    private static async Task<(Samples Rtl, Samples Numpy, Samples? Dask)> Interleave(Numpy numpy, DaskCluster dask, string key, Budget budget, int rounds, Func<Task> rtl)
    {
        var numpyTimes = new List<double>();
        var daskTimes = new List<double>();
        var rtlTimes = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var block = budget.Round(round, rounds);
            numpyTimes.AddRange(numpy.Time(key, block));
            daskTimes.AddRange(dask.Time(key, block)?.Values ?? []);
            rtlTimes.AddRange((await Measure.RunAsync(block, rtl)).Values);
        }

        return (new Samples(rtlTimes), new Samples(numpyTimes), daskTimes.Count == 0 ? null : new Samples(daskTimes));
    }

    private static TaskTiming[] Tasks(JobResult result) => [.. result.Stages.SelectMany(s => s.Tasks)];

    /// <summary>Each task's median over the timed jobs, in pipeline order.</summary>
    private static string TaskBreakdown(List<TaskTiming[]> jobs) =>
        "tasks' p50: " + string.Join(", ", jobs[0].Select((task, i) =>
            $"{task.Task} {new Samples([.. jobs.Select(job => job[i].Milliseconds)]).Median:F2}"));

    private static async Task SiloToSilo(IHost first, IHost second, Report report, Budget budget, string section)
    {
        const long bytes = 15L << 20;
        var sender = first.Services.GetRequiredService<IGrainFactory>().GetGrain<IBenchRelayGrain>(1);
        var receiver = second.Services.GetRequiredService<IGrainFactory>().GetGrain<IBenchRelayGrain>(2);
        var from = await sender.Silo();
        var to = await receiver.Silo();
        if (from == to)
        {
            report.Add(new Row(section, "15 MB table silo → silo", "both relays landed on one silo", "", double.NaN, "≤ 5 ms", null));
            return;
        }

        var size = await sender.Prepare(bytes);
        var times = new List<double>();
        await Measure.RunAsync(budget with { MinReps = Math.Max(budget.MinReps, 20) }, async () => times.Add(await sender.SendTo(2)));
        var transfer = new Samples(times[budget.Warmup..]);

        var source = new byte[size];
        var target = new byte[size];
        Random.Shared.NextBytes(source);
        var copy = Measure.Run(budget with { MinReps = Math.Max(budget.MinReps, 20) }, () => source.AsSpan().CopyTo(target));
        report.Add(new Row(section, $"{size / 1e6:F1} MB table silo → silo ({from} → {to}, in one process) vs raw memory copy of the same bytes",
            Report.Ms(transfer.Median), Report.Ms(copy.Median), transfer.Median / copy.Median, "≤ 5 ms", transfer.Median <= 5,
            $"timed inside the sending grain: {(Bulk ? "a ticket in the grain call, the columns fetched on the bulk channel" : "serialise into the grain call (bulk channel off)")}, TCP loopback, deserialise, ack; p99 {Report.Ms(transfer.P99)}; n={transfer.Count}/{copy.Count}"));
    }

    /// <summary>RTL_BENCH_BULK=off: large tables inside Orleans messages instead of on the bulk channel (a before/after).</summary>
    public static bool Bulk { get; } = Environment.GetEnvironmentVariable("RTL_BENCH_BULK") != "off";

    public static async Task<IHost> StartSilo(string dataDir, string filesRoot, string cluster)
    {
        var host = SiloHost.Build(new RtlOptions
        {
            DataDir = dataDir,
            FilesRoot = filesRoot,
            ClusterId = cluster,
            SiloPort = FreePort.Any(),
            GatewayPort = FreePort.Any(),
            WebPort = FreePort.Any(), // the silo's web app and dashboard: two silos in one process need two ports
            BulkChannel = Bulk,
        });
        await host.StartAsync();
        return host;
    }
}
