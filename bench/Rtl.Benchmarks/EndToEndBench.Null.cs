using System.Diagnostics;
using Rtl.Client;

namespace Rtl.Benchmarks;

/// <summary>C's null-pipeline rows: latency and throughput of a job that does nothing, beside an empty grain call and Dask's null task.</summary>
public static partial class EndToEndBench
{
    private static async Task NullRoundTrip(RtlClient rtl, Report report, bool quick, string section, DaskCluster? dask)
    {
        var calls = quick ? 1_000 : 5_000;
        var ping = rtl.Cluster.GetGrain<IBenchPingGrain>(Guid.NewGuid());
        // The cluster's first request: its first 1,000 tasks, as a fresh silo's first 1,000 jobs are in F.
        var daskFresh = dask?.Time("null", 1_000);
        // A running silo is warm: give tiered compilation (tier 0 → instrumented → optimised, ~10,000 calls
        // here) time to settle before timing either side.
        var warmup = TimeSpan.FromSeconds(quick ? 2 : 4);
        await Concurrent(1, warmup, () => ping.Ping());
        await Concurrent(1, warmup, () => rtl.RunAsync(NullPipeline));

        // Interleave blocks of all sides so a noisy neighbour hurts them alike.
        var pipelineTimes = new List<double>();
        var pingTimes = new List<double>();
        var oneShotTimes = new List<double>();
        var daskTimes = new List<double>();
        var silo = new List<double>();
        for (var block = 0; block < 10; block++)
        {
            pingTimes.AddRange(await Sequential(calls / 10, () => ping.Ping()));
            oneShotTimes.AddRange(await Sequential(calls / 20, () => rtl.Cluster.GetGrain<IBenchOneShotGrain>(Guid.NewGuid()).Ping()));
            pipelineTimes.AddRange(await Sequential(calls / 10, async () => silo.Add((await rtl.RunAsync(NullPipeline)).Milliseconds)));
            // A Dask task takes milliseconds, not tenths: a fifth as many keeps its blocks as long as Rtl's.
            daskTimes.AddRange(dask?.Time("null", calls / 50)?.Values ?? []);
        }

        var pipeline = new Samples(pipelineTimes);
        var floor = new Samples(pingTimes);
        var oneShot = new Samples(oneShotTimes);
        var inSilo = new Samples(silo);
        var daskWarm = daskFresh is null ? null : new Samples(daskTimes);
        var daskNote = daskWarm is null ? "" : $"; Dask (`client.submit(identity, 1, pure=False).result()`): n={daskWarm.Count} after its first 1,000, which on the fresh cluster had p50 {Report.Ms(daskFresh!.Median)}";
        report.Add(new Row(section, "null pipeline round trip, client → running silo, sequential: p50 (baseline: empty grain call through the same gateway; seed 1.1 ms)",
            Report.Ms(pipeline.Median), Report.Ms(floor.Median), pipeline.Median / floor.Median, "p50 ≤ 0.1 ms", pipeline.Median <= 0.1,
            $"n={pipeline.Count} after {warmup.TotalSeconds:0} s of warm-up; pipeline grain's own clock p50 {Report.Ms(inSilo.Median)}; empty call on a fresh activation each time p50 {Report.Ms(oneShot.Median)}{daskNote}",
            dask is null ? null : DaskCluster.Figure(pipeline.Median, daskWarm?.Median)));
        report.Add(new Row(section, "null pipeline round trip: p99",
            Report.Ms(pipeline.P99), Report.Ms(floor.P99), pipeline.P99 / floor.P99, "—", null, $"fresh-activation call p99 {Report.Ms(oneShot.P99)}",
            dask is null ? null : DaskCluster.Figure(pipeline.P99, daskWarm?.P99)));
    }

    /// <summary>Each call's time in milliseconds, one after another.</summary>
    internal static async Task<List<double>> Sequential(int count, Func<Task> call)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await call();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static async Task NullThroughput(RtlClient rtl, Report report, bool quick, string section, DaskCluster? dask)
    {
        const int callers = 16;
        var duration = TimeSpan.FromSeconds(quick ? 1 : 2.5);
        var rounds = quick ? 2 : 3;
        var ping = rtl.Cluster.GetGrain<IBenchPingGrain>(Guid.NewGuid());
        await Concurrent(callers, TimeSpan.FromSeconds(0.5), () => rtl.RunAsync(NullPipeline));

        var jobs = new List<double>();
        var pings = new List<double>();
        // Dask's callers two ways, its better one in the table: threads on the synchronous client, coroutines on an asynchronous one.
        var daskThreads = new List<double>();
        var daskCoroutines = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            pings.Add(await Concurrent(callers, duration, () => ping.Ping()));
            jobs.Add(await Concurrent(callers, duration, () => rtl.RunAsync(NullPipeline)));
            daskThreads.Add(dask?.Rate("null threads", callers, duration) ?? double.NaN);
            daskCoroutines.Add(dask?.Rate("null asyncio", callers, duration) ?? double.NaN);
        }

        var rate = new Samples(jobs).Median;
        var floor = new Samples(pings).Median;
        var (threads, coroutines) = (new Samples(daskThreads).Median, new Samples(daskCoroutines).Median);
        var daskNote = dask is null ? "" : double.IsNaN(threads) ? ", Rtl/Dask likewise"
            : $", Rtl/Dask likewise; Dask the better of {callers} threads on the synchronous client ({threads:N0} jobs/s) and {callers} coroutines on an asynchronous one ({coroutines:N0} jobs/s)";
        report.Add(new Row(section, $"null pipelines per second, {callers} concurrent callers (baseline: empty grain calls/s, same callers)",
            $"{rate:N0} jobs/s", $"{floor:N0} calls/s", rate / floor, "≥ 20,000 jobs/s", rate >= 20_000,
            $"median of {rounds} rounds of {duration.TotalSeconds:0.#} s; ratio is throughput Rtl/baseline{daskNote}",
            dask is null ? null : DaskCluster.RateFigure(rate, Math.Max(threads, coroutines), "jobs/s")));
    }

    /// <summary>Completed calls per second with <paramref name="callers"/> loops calling back to back.</summary>
    internal static async Task<double> Concurrent(int callers, TimeSpan duration, Func<Task> call)
    {
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            var count = 0;
            while (clock.Elapsed < duration)
            {
                await call();
                count++;
            }

            return count;
        }));
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }
}
