using System.Diagnostics;
using System.Globalization;
using Rtl.Client;
using Rtl.Streams;

namespace Rtl.Benchmarks;

public static partial class StreamBench
{
    private const int Window = 1_000;

    /// <summary>Readings in a message for the second throughput case (an array of them, as a logger that batches sends).</summary>
    private const int ArrayReadings = 100;

    /// <summary>One ingest run: readings published, the windows that came back on the sink, and the stream's counters after.</summary>
    private sealed record IngestRun(int Rows, long Start, long Published, IReadOnlyList<SinkWindow> Windows, StreamStatus Status, CpuUse Cpu)
    {
        public int Expected => Rows / Window;

        /// <summary>From the first publish until the last window's result arrived.</summary>
        public double Seconds => Windows.Count == 0 ? double.NaN : Milliseconds(Start, Windows[^1].ArrivedAt) / 1000;

        public double PublishSeconds => Milliseconds(Start, Published) / 1000;

        public double RowsPerSecond => Windows.Count * Window / Seconds;

        /// <summary>Every window arrived, in order, with all its rows.</summary>
        public bool Whole => Windows.Count == Expected && Windows.Select((w, k) => w.Is(k, Window)).All(ok => ok);

        public string Outcome => Whole
            ? $"{Expected}/{Expected} windows"
            : $"{Windows.Count}/{Expected} windows{(Windows.Select((w, k) => w.Is(k, Window)).All(ok => ok) ? "" : ", some out of order or short")}";
    }

    private static async Task Throughput(RtlClient rtl, MosquittoBroker broker, Report report, bool quick, string paho, string section)
    {
        var rows = quick ? 50_000 : 200_000;
        var rounds = quick ? 2 : 3;
        await Ingest(rtl, broker, "warmup", rows / 10, 1); // compiles and activates what a running stream has: not counted
        var single = new List<IngestRun>();
        var arrays = new List<IngestRun>();
        var mqttnet = new List<double>();
        var publisherCpu = new List<CpuUse>();
        var pahoRates = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // Rounds interleave every case, so a noisy neighbour slows each alike.
            var (alone, cpu) = await PublisherAlone(broker, rows);
            mqttnet.Add(alone);
            publisherCpu.Add(cpu);
            pahoRates.Add(PahoPublisher.MessagesPerSecond(broker.Port, "bench/nobody/paho", rows));
            single.Add(await Ingest(rtl, broker, $"single{round}", rows, 1));
            arrays.Add(await Ingest(rtl, broker, $"arrays{round}", rows, ArrayReadings));
            Console.WriteLine($"  round {round + 1}/{rounds}: one reading a message {single[^1].RowsPerSecond:N0} rows/s ({single[^1].Outcome}), " +
                $"{ArrayReadings} a message {arrays[^1].RowsPerSecond:N0} rows/s, MQTTnet alone {mqttnet[^1]:N0} msgs/s, paho {pahoRates[^1]:N0} msgs/s");
        }

        var publisher = new Samples(mqttnet).Median;
        var rate = new Samples([.. single.Select(r => r.RowsPerSecond)]).Median;
        report.Add(new Row(section,
            $"rows/s from MQTT through {Window:N0}-row windows (add + average) to the MQTT sink, one JSON reading a message: first publish → last window on the sink (baseline: the bench's MQTTnet publisher alone, msgs/s into a topic nobody reads)",
            $"{rate:N0} rows/s", $"{publisher:N0} msgs/s", rate / publisher, "≥ 50,000 rows/s", rate >= 50_000,
            $"ratio is throughput; n={rounds} runs of {rows:N0} readings after a warm-up run; runs {Rates(single)}; {Counters(single)}; the publishing itself took {Report.Format(Median(single, r => r.PublishSeconds), 2)} s of {Report.Format(Median(single, r => r.Seconds), 2)} s (median); {CpuNote(single, publisherCpu, rows)}"));
        var arrayRate = new Samples([.. arrays.Select(r => r.RowsPerSecond)]).Median;
        report.Add(new Row(section,
            $"… the same readings {ArrayReadings} to a message (a JSON array)",
            $"{arrayRate:N0} rows/s", $"{rate:N0} rows/s", arrayRate / rate, "—", null,
            $"baseline: one reading a message (the row above); ratio is throughput; runs {Rates(arrays)}; {Counters(arrays)}; publishing took {Report.Format(Median(arrays, r => r.PublishSeconds), 2)} s of {Report.Format(Median(arrays, r => r.Seconds), 2)} s; {CpuNote(arrays, [], rows)}"));
        var pahoRate = new Samples(pahoRates).Median;
        report.Add(new Row(section,
            $"publisher alone, QoS 0, one JSON reading a message into a topic nobody reads: the bench's MQTTnet (sequential awaits) vs paho-mqtt {paho} (Debian's, `bench/python/mqtt_publish.py`, loop_start)",
            $"{publisher:N0} msgs/s", $"{pahoRate:N0} msgs/s", publisher / pahoRate, "—", null,
            $"ratio is throughput MQTTnet/paho; n={rounds} runs of {rows:N0} each side; MQTTnet {string.Join(", ", mqttnet.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}; paho {string.Join(", ", pahoRates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}"));
    }

    /// <summary>Publishes <paramref name="rows"/> readings into a fresh stream and collects its windows off the sink.</summary>
    private static async Task<IngestRun> Ingest(RtlClient rtl, MosquittoBroker broker, string name, int rows, int perMessage)
    {
        await Define(rtl, broker, name, Window);
        await using var sink = await BenchMqtt.Connect(broker.Port);
        await sink.Subscribe($"bench/{name}/out");
        await using var publisher = await BenchMqtt.Connect(broker.Port);
        var before = CpuUse.Now(broker);
        var start = Stopwatch.GetTimestamp();
        await publisher.PublishReadings($"bench/{name}/in", 0, rows, perMessage);
        var published = Stopwatch.GetTimestamp();
        var windows = new List<SinkWindow>();
        var cpu = CpuUse.Now(broker) - before;
        while (windows.Count < rows / Window && await sink.Next(Silence) is { } arrival)
        {
            windows.Add(SinkWindow.Parse(arrival));
            cpu = CpuUse.Now(broker) - before; // until the last window that came, not through the wait for missing ones
        }

        var status = await rtl.GetStreamAsync(name) ?? throw new InvalidOperationException($"stream {name} is gone");
        await rtl.RemoveStreamAsync(name);
        return new IngestRun(rows, start, published, windows, status, cpu);
    }

    /// <summary>The bench's publisher into a topic no one subscribes to: what the publishing side manages on its own.</summary>
    private static async Task<(double MessagesPerSecond, CpuUse Cpu)> PublisherAlone(MosquittoBroker broker, int rows)
    {
        await using var publisher = await BenchMqtt.Connect(broker.Port);
        var cpu = CpuUse.Now(broker);
        var clock = Stopwatch.StartNew();
        await publisher.PublishReadings("bench/nobody/mqttnet", 0, rows);
        var seconds = clock.Elapsed.TotalSeconds;
        return (rows / seconds, CpuUse.Now(broker) - cpu);
    }

    /// <summary>
    /// Where the CPU went, per 1,000 rows (medians): the bench's process (publisher, sink subscriber and silo) and the
    /// broker, and the publisher alone; the difference is what the silo's side costs.
    /// </summary>
    private static string CpuNote(List<IngestRun> runs, List<CpuUse> publisherAlone, int rows)
    {
        var bench = new Samples([.. runs.Select(r => r.Cpu.PerThousand(rows).Bench)]).Median;
        var broker = new Samples([.. runs.Select(r => r.Cpu.PerThousand(rows).Broker)]).Median;
        var text = $"CPU per 1,000 rows: bench process (publisher + silo + sink subscriber) {bench:F0} ms, mosquitto {broker:F0} ms";
        if (publisherAlone.Count == 0)
        {
            return text;
        }

        var alone = new Samples([.. publisherAlone.Select(c => c.PerThousand(rows).Bench)]).Median;
        var aloneBroker = new Samples([.. publisherAlone.Select(c => c.PerThousand(rows).Broker)]).Median;
        return $"{text}; the publisher alone {alone:F0} ms, mosquitto {aloneBroker:F0} ms — so the silo's side ≈ {bench - alone:F0} ms per 1,000 rows";
    }

    private static string Rates(List<IngestRun> runs) =>
        string.Join(", ", runs.Select(r => r.RowsPerSecond.ToString("N0", CultureInfo.InvariantCulture)));

    /// <summary>Did every window arrive whole and in order; what the stream counted (summed over the runs).</summary>
    private static string Counters(List<IngestRun> runs)
    {
        var outcome = runs.All(r => r.Whole)
            ? $"every run: all {runs[0].Expected} windows on the sink, in order, {Window:N0} rows each"
            : string.Join("; ", runs.Select((r, i) => $"run {i + 1}: {r.Outcome}"));
        var published = runs.Sum(r => (long)r.Rows);
        var received = runs.Sum(r => r.Status.Received);
        return $"{outcome}; stream counters over the runs: received {received:N0} of {published:N0} published, dropped {runs.Sum(r => r.Status.Dropped):N0}, rejected {runs.Sum(r => r.Status.Rejected):N0}";
    }

    private static double Median(List<IngestRun> runs, Func<IngestRun, double> value) => new Samples([.. runs.Select(value)]).Median;
}
