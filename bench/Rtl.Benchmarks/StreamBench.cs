using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Rtl.Client;
using Rtl.Silo.Demo;
using Rtl.Streams;

namespace Rtl.Benchmarks;

/// <summary>
/// G. Streams (DataNodes) through a real broker and a real silo: Debian's mosquitto on a free port, an in-process
/// <c>SiloHost</c> as in C, the bench publishing readings with MQTTnet and reading the results off the sink topic.
/// Rows/s into 1,000-row windows (add + average), publish → sink latency of 10-row windows, and what the publishers
/// alone manage (the bench's MQTTnet, and paho-mqtt from Python) so a reader sees which side is the limit.
/// </summary>
public static partial class StreamBench
{
    private const string Pipeline = """
        {"stages": [{"tasks": [
            {"task": "add", "operations": [{"a": "temperature", "b": "sensor", "column": "t2"}]},
            {"task": "average", "operations": [{"a": "t2", "column": "mean"}]}]}]}
        """;

    /// <summary>How long the sink may stay silent before the rest of a run's windows count as never arriving.</summary>
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(30);

    public static async Task Run(DataSets data, Report report, bool quick, string section)
    {
        if (!File.Exists(MosquittoBroker.Binary) || PahoPublisher.Version() is not { } paho)
        {
            Console.WriteLine($"  skipped: needs {MosquittoBroker.Binary} and python3-paho-mqtt (apt-get install -y mosquitto python3-paho-mqtt)");
            return;
        }

        using var broker = MosquittoBroker.Start(FreePort.Any());
        var dataDir = Path.Combine(data.Root, "silo-streams");
        var cluster = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var silo = await EndToEndBench.StartSilo(dataDir, data.FilesRoot, cluster);
        try
        {
            await using var rtl = await RtlClient.ConnectAsync(new RtlClientOptions { DataDir = dataDir, ClusterId = cluster });
            Console.WriteLine($"  mosquitto {broker.Version} on port {broker.Port}, paho-mqtt {paho}");
            await Throughput(rtl, broker, report, quick, paho, section);
            await Latency(rtl, broker, report, quick, section);
        }
        finally
        {
            await silo.StopAsync(TimeSpan.FromSeconds(10));
            silo.Dispose();
        }
    }

    /// <summary>Defines a stream from <c>bench/NAME/in</c> to <c>bench/NAME/out</c> and waits until its source has subscribed.</summary>
    private static async Task Define(RtlClient rtl, MosquittoBroker broker, string name, int window)
    {
        await rtl.AddStreamAsync(new StreamDefinition(name, Pipeline, broker.Url($"bench/{name}/in"), window, null,
            [broker.Url($"bench/{name}/out")], StreamDefinition.DefaultBufferRows(window)));
        var waited = Stopwatch.StartNew();
        while ((await rtl.GetStreamAsync(name))?.Source?.StartsWith("connected ", StringComparison.Ordinal) != true)
        {
            if (waited.Elapsed > Silence)
            {
                throw new InvalidOperationException($"stream {name}'s source did not connect to the broker within {Silence}");
            }

            await Task.Delay(20);
        }
    }

    private static double Milliseconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}
