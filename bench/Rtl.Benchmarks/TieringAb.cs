using System.Diagnostics;
using System.Globalization;
using System.Net;
using Rtl.Client;

namespace Rtl.Benchmarks;

/// <summary>
/// <c>--ab ROUNDS IDLE_SECONDS VARIANT...</c>: bench F's fresh-silo rows for runtime settings side by side. A variant is
/// <c>LABEL|RELEASE_DIR|K=V K=V</c>: environment for the silo, or with <c>client:</c> before it for a cold client
/// (a new bench process) that then times its own first 1,000 calls against the silo, warm by then. The variants
/// alternate (ABBA), each round on fresh silos; medians per variant and the load average are printed.
/// </summary>
public static class TieringAb
{
    public const string Flag = "--ab";
    public const string ColdClientFlag = "--cold-client";

    private sealed record Variant(string Label, string Rtl, Dictionary<string, string> Silo, Dictionary<string, string> Client);

    /// <summary>Silo CPU per call (ms) beside each latency: on a loaded machine it moves less than wall time.</summary>
    private sealed record Sample(double Ready, double Rss, double First, double FirstCpu, double Warm, double WarmCpu, double Rate, double ColdClient);

    public static int Run(string[] args)
    {
        var rounds = int.Parse(args[0], CultureInfo.InvariantCulture);
        var idle = TimeSpan.FromSeconds(double.Parse(args[1], CultureInfo.InvariantCulture));
        var variants = args[2..].Select(Parse).ToArray();
        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "rtl-ab-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture))).FullName;
        var load = File.ReadAllText("/proc/loadavg").Trim();
        WarmClient(variants[0].Rtl, root);
        var samples = variants.ToDictionary(v => v.Label, _ => new List<Sample>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var variant in round % 2 == 0 ? variants : variants.Reverse())
            {
                var sample = Measure(variant, root, idle);
                samples[variant.Label].Add(sample);
                Console.WriteLine(FormattableString.Invariant(
                    $"  {variant.Label}: ready {sample.Ready:0.00} s, RSS {sample.Rss / 1e6:0.0} MB, first {sample.First:0.000} ms (silo CPU {sample.FirstCpu:0.000} ms/call), warm {sample.Warm:0.000} ms (CPU {sample.WarmCpu:0.000}), {sample.Rate:0} jobs/s, cold client {sample.ColdClient:0.000} ms"));
            }
        }

        Console.WriteLine($"\nn={rounds} per variant, load average {load} at start, {File.ReadAllText("/proc/loadavg").Trim()} at end");
        Console.WriteLine("| variant | first 1,000 p50 | silo CPU/call | warm p50 | silo CPU/call | jobs/s (16 callers) | start-up | idle RSS | cold client's first 1,000 p50 |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (label, list) in samples)
        {
            double M(Func<Sample, double> f) => new Samples([.. list.Select(f)]).Median;
            Console.WriteLine(FormattableString.Invariant(
                $"| {label} | {M(s => s.First):0.000} ms | {M(s => s.FirstCpu):0.000} ms | {M(s => s.Warm):0.000} ms | {M(s => s.WarmCpu):0.000} ms | {M(s => s.Rate):N0} | {M(s => s.Ready):0.00} s | {M(s => s.Rss) / 1e6:0.0} MB | {M(s => s.ColdClient):0.000} ms |"));
        }

        Directory.Delete(root, recursive: true);
        return 0;
    }

    /// <summary>The child a variant's <c>client:</c> settings run: <c>--cold-client GATEWAY DATA_DIR</c>, prints the first 1,000 calls' p50.</summary>
    public static int ColdClient(string[] args)
    {
        var gateway = int.Parse(args[0], CultureInfo.InvariantCulture);
        var first = Task.Run(async () =>
        {
            await using var rtl = await RtlClient.ConnectAsync(new RtlClientOptions { DataDir = args[1], Gateways = [new IPEndPoint(IPAddress.Loopback, gateway)] });
            return new Samples(await EndToEndBench.Sequential(FreshSiloCalls.FirstCalls, () => rtl.RunAsync(EndToEndBench.NullPipeline)));
        }).GetAwaiter().GetResult();
        Console.WriteLine(first.Median.ToString("R", CultureInfo.InvariantCulture));
        return 0;
    }

    private static Variant Parse(string text)
    {
        var parts = text.Split('|');
        var settings = parts.Length > 2 ? parts[2].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        Dictionary<string, string> Of(bool client) => settings.Where(s => s.StartsWith("client:", StringComparison.Ordinal) == client)
            .Select(s => (client ? s["client:".Length..] : s).Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
        return new Variant(parts[0], Path.Combine(Path.GetFullPath(parts[1]), "rtl"), Of(client: false), Of(client: true));
    }

    private static void WarmClient(string rtl, string root)
    {
        var dataDir = Directory.CreateDirectory(Path.Combine(root, "warm-client")).FullName;
        using var node = NodeProcesses.Silo(rtl, dataDir, new Dictionary<string, string>(), []);
        FreshSiloCalls.Measure(node, dataDir, TimeSpan.FromSeconds(0.5)).GetAwaiter().GetResult();
    }

    /// <summary>As bench F: a start on a fresh data dir left idle for the RSS, then a restart on it for the calls.</summary>
    private static Sample Measure(Variant variant, string root, TimeSpan idle)
    {
        var dataDir = Directory.CreateDirectory(Path.Combine(root, Guid.NewGuid().ToString("N")[..8])).FullName;
        double ready, rss;
        using (var node = NodeProcesses.Silo(variant.Rtl, dataDir, variant.Silo, []))
        {
            ready = node.Ready.TotalSeconds;
            Thread.Sleep(idle);
            rss = idle > TimeSpan.Zero ? node.Rss() : double.NaN;
        }

        using var again = NodeProcesses.Silo(variant.Rtl, dataDir, variant.Silo, []);
        var (first, firstCpu, warm, warmCpu, rate) = Calls(again, dataDir).GetAwaiter().GetResult();
        var cold = variant.Client.Count > 0 ? RunColdClient(again.Gateway, dataDir, variant.Client) : double.NaN;
        return new Sample(ready, rss, first, firstCpu, warm, warmCpu, rate, cold);
    }

    /// <summary><see cref="FreshSiloCalls.Measure"/>'s sequence, with the silo's CPU time around the first and the warm 1,000.</summary>
    private static async Task<(double First, double FirstCpu, double Warm, double WarmCpu, double Rate)> Calls(NodeProcesses silo, string dataDir)
    {
        await using var rtl = await RtlClient.ConnectAsync(new RtlClientOptions { DataDir = dataDir, Gateways = [new IPEndPoint(IPAddress.Loopback, silo.Gateway)] });
        Task Null() => rtl.RunAsync(EndToEndBench.NullPipeline);
        var cpu = silo.CpuSeconds();
        var first = new Samples(await EndToEndBench.Sequential(FreshSiloCalls.FirstCalls, Null)).Median;
        var firstCpu = (silo.CpuSeconds() - cpu) * 1000 / FreshSiloCalls.FirstCalls;
        await EndToEndBench.Sequential(FreshSiloCalls.WarmingCalls, Null);
        cpu = silo.CpuSeconds();
        var warm = new Samples(await EndToEndBench.Sequential(FreshSiloCalls.FirstCalls, Null)).Median;
        var warmCpu = (silo.CpuSeconds() - cpu) * 1000 / FreshSiloCalls.FirstCalls;
        return (first, firstCpu, warm, warmCpu, await EndToEndBench.Concurrent(FreshSiloCalls.Callers, TimeSpan.FromSeconds(2), Null));
    }

    private static double RunColdClient(int gateway, string dataDir, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])[ColdClientFlag, gateway.ToString(CultureInfo.InvariantCulture), dataDir])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment.Where(kv => kv.Key != "none"))
        {
            start.Environment[key] = value;
        }

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        return double.Parse(output.Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
    }
}
