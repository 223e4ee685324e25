using System.Diagnostics;
using Rtl.Client;

namespace Rtl.Benchmarks;

public static partial class StreamBench
{
    private const int SmallWindow = 10;

    /// <summary>
    /// Publish a 10-row window's readings, wait for its result on the sink; again and again. Baseline, in alternating
    /// blocks: the same 10 readings through the same broker straight back to a subscriber (what MQTT alone costs).
    /// </summary>
    private static async Task Latency(RtlClient rtl, MosquittoBroker broker, Report report, bool quick, string section)
    {
        const string name = "latency";
        const int blocks = 10;
        var reps = quick ? 100 : 300;
        var warmup = quick ? 20 : 50;
        await Define(rtl, broker, name, SmallWindow);
        await using var sink = await BenchMqtt.Connect(broker.Port);
        await sink.Subscribe($"bench/{name}/out");
        await using var echo = await BenchMqtt.Connect(broker.Port);
        await echo.Subscribe("bench/echo");
        await using var publisher = await BenchMqtt.Connect(broker.Port);

        var window = 0;
        var wrong = 0;
        var stream = new List<double>();
        var direct = new List<double>();
        var published = new Dictionary<long, (DateTimeOffset At, double Milliseconds)>(); // by window: when, and how long until its result
        for (var block = 0; block < blocks; block++)
        {
            for (var i = 0; i < reps / blocks + (block == 0 ? warmup : 0); i++)
            {
                var (start, at) = (Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow);
                await publisher.PublishReadings($"bench/{name}/in", window * SmallWindow, SmallWindow);
                var arrived = SinkWindow.Parse(await sink.Next(Silence) ?? throw new InvalidOperationException($"window {window} did not arrive within {Silence}"));
                wrong += arrived.Is(window, SmallWindow) ? 0 : 1;
                published[window] = (at, Milliseconds(start, arrived.ArrivedAt));
                if (window++ >= warmup)
                {
                    stream.Add(published[window - 1].Milliseconds);
                }
            }

            for (var i = 0; i < reps / blocks; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await publisher.PublishReadings("bench/echo", i * SmallWindow, SmallWindow);
                BenchMqtt.Arrival? last = null;
                for (var m = 0; m < SmallWindow; m++)
                {
                    last = await echo.Next(Silence) ?? throw new InvalidOperationException("a reading did not come back from the broker");
                }

                direct.Add(Milliseconds(start, last!.Value.Timestamp));
            }
        }

        var status = await rtl.GetStreamAsync(name) ?? throw new InvalidOperationException($"stream {name} is gone");
        await rtl.RemoveStreamAsync(name);
        var latency = new Samples(stream);
        var floor = new Samples(direct);
        var pipeline = new Samples([.. status.Recent.Select(w => w.Milliseconds)]);
        // A window's summary holds when it closed (after its pipeline ran, before it was persisted and published):
        // it splits each of the last windows' time into the way in and the way out.
        var inward = new Samples([.. status.Recent.Select(w => (w.Closed - published[w.Window].At).TotalMilliseconds)]);
        var outward = new Samples([.. status.Recent.Select(w => published[w.Window].Milliseconds - (w.Closed - published[w.Window].At).TotalMilliseconds)]);
        report.Add(new Row(section,
            $"publish {SmallWindow} readings → that window's result on the sink, {SmallWindow}-row windows (add + average): p50 (baseline: the same {SmallWindow} readings through the broker straight back to a subscriber)",
            Report.Ms(latency.Median), Report.Ms(floor.Median), latency.Median / floor.Median, "p50 ≤ 20 ms", latency.Median <= 20,
            $"n={latency.Count}/{floor.Count} after {warmup} windows of warm-up, one window at a time, in alternating blocks; {window - wrong}/{window} windows in order and whole; " +
            $"of the last {inward.Count}: publish → window run p50 {Report.Ms(inward.Median)} (MQTT in, a grain call to the DataNode, the pipeline's own p50 {Report.Ms(pipeline.Median)}), " +
            $"run → on the sink p50 {Report.Ms(outward.Median)} (window persisted, JSON, MQTT out); " +
            $"received {status.Received:N0}, dropped {status.Dropped:N0}, rejected {status.Rejected:N0}"));
        report.Add(new Row(section, "… p99", Report.Ms(latency.P99), Report.Ms(floor.P99), latency.P99 / floor.P99, "—", null,
            $"min {Report.Ms(latency.Min)} (baseline {Report.Ms(floor.Min)})"));
    }
}
