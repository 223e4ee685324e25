using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rtl.Client;
using Rtl.Data;

namespace Rtl.Benchmarks;

/// <summary>
/// <c>--transfer</c>: large tables between processes' worth of machinery, in blocks that alternate so a noisy
/// neighbour hurts every side alike: a grain call silo → silo, a grain result silo → client, the same columns over
/// a bare loopback socket, and a memory copy.
/// </summary>
public static class TransferBench
{
    private const long SiloBytes = 15L << 20;
    private const long ClientBytes = 24_000_000;

    public static async Task Run(DataSets data, Report report, Budget budget, string section)
    {
        var dataDir = Path.Combine(data.Root, "silo");
        var cluster = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var first = await EndToEndBench.StartSilo(dataDir, data.FilesRoot, cluster);
        var second = await EndToEndBench.StartSilo(dataDir, data.FilesRoot, cluster);
        try
        {
            await using var rtl = await RtlClient.ConnectAsync(new RtlClientOptions { DataDir = dataDir, ClusterId = cluster, BulkChannel = EndToEndBench.Bulk });
            var sender = first.Services.GetRequiredService<IGrainFactory>().GetGrain<IBenchRelayGrain>(11);
            var receiver = second.Services.GetRequiredService<IGrainFactory>().GetGrain<IBenchRelayGrain>(12);
            if (await sender.Silo() == await receiver.Silo())
            {
                throw new InvalidOperationException("both relays landed on one silo");
            }

            await sender.Prepare(SiloBytes);
            var source = rtl.Cluster.GetGrain<IBenchRelayGrain>(13);
            await source.Prepare(ClientBytes);
            using var socket = await RawSocketCopy.OpenAsync();
            var silo = DataSets.OfBytes(SiloBytes);
            var big = DataSets.OfBytes(ClientBytes);

            var siloCalls = new List<double>();
            var clientCalls = new List<double>();
            var inputCalls = new List<double>();
            var raw = new List<double>();
            var rawBig = new List<double>();
            var copies = new List<double>();
            const int rounds = 5;
            for (var round = 0; round < rounds; round++)
            {
                var block = budget.Round(round, rounds);
                await Measure.RunAsync(block, async () => siloCalls.Add(await sender.SendTo(12)));
                raw.AddRange(Measure.Run(block, () => socket.Copy(silo)).Values);
                clientCalls.AddRange((await Measure.RunAsync(block, () => source.Prepared())).Values);
                inputCalls.AddRange((await Measure.RunAsync(block, () => source.Receive(big))).Values);
                rawBig.AddRange(Measure.Run(block, () => socket.Copy(big)).Values);
                copies.AddRange(Measure.Run(block, () => Copy(silo)).Values);
            }

            var grain = new Samples(siloCalls);
            var bare = new Samples(raw);
            var client = new Samples(clientCalls);
            var input = new Samples(inputCalls);
            var bareBig = new Samples(rawBig);
            var copy = new Samples(copies);
            report.Add(new Row(section, $"{silo.ByteSize / 1e6:F1} MB table silo → silo (grain call, timed in the sender) vs the same columns over a bare loopback socket",
                Report.Ms(grain.Median), Report.Ms(bare.Median), grain.Median / bare.Median, "≤ 5 ms", grain.Median <= 5,
                $"n={grain.Count}/{bare.Count}; memory copy into new arrays p50 {Report.Ms(copy.Median)} (n={copy.Count}); {Load()}"));
            report.Add(new Row(section, $"{big.ByteSize / 1e6:F1} MB table silo → client (grain result) vs the same columns over a bare loopback socket",
                Report.Ms(client.Median), Report.Ms(bareBig.Median), client.Median / bareBig.Median, "—", null,
                $"n={client.Count}/{bareBig.Count}; {Load()}"));
            report.Add(new Row(section, $"{big.ByteSize / 1e6:F1} MB table client → silo (grain argument) vs the same columns over a bare loopback socket",
                Report.Ms(input.Median), Report.Ms(bareBig.Median), input.Median / bareBig.Median, "—", null,
                $"n={input.Count}/{bareBig.Count}; client bulk channel {(EndToEndBench.Bulk ? "on" : "off")}; {Load()}"));
        }
        finally
        {
            foreach (var host in new[] { second, first })
            {
                await host.StopAsync(TimeSpan.FromSeconds(10));
                host.Dispose();
            }
        }
    }

    private static Table Copy(Table table) => Table.Create(table.Names.Select((name, i) =>
    {
        var allocation = Column.Allocate(table[i].Type, table.RowCount);
        table[i].Bytes.CopyTo(allocation.WritableBytes);
        return KeyValuePair.Create(name, allocation.Column);
    }));

    private static string Load() => File.Exists("/proc/loadavg") ? "load " + File.ReadAllText("/proc/loadavg").Split(' ')[0] : "";
}
