using System.Net;
using Rtl.Client;

namespace Rtl.Benchmarks;

/// <summary>
/// Null pipelines against a release silo process that has just started, as a user's first jobs meet it: the first
/// 1,000 calls (tier-0 and ReadyToRun code, tiering under way), the same after 10,000 more (warm), and jobs/s from
/// 16 callers. One client, connected before the clock starts and warmed on another silo, so the silo is what is timed.
/// </summary>
public static class FreshSiloCalls
{
    public const int FirstCalls = 1_000;
    public const int WarmingCalls = 10_000;
    public const int Callers = 16;

    public sealed record Figures(Samples First, Samples Warm, double JobsPerSecond);

    public static async Task<Figures> Measure(NodeProcesses silo, string dataDir, TimeSpan throughputFor)
    {
        await using var rtl = await RtlClient.ConnectAsync(new RtlClientOptions
        {
            DataDir = dataDir,
            Gateways = [new IPEndPoint(IPAddress.Loopback, silo.Gateway)],
        });
        var first = new Samples(await EndToEndBench.Sequential(FirstCalls, Null(rtl)));
        await EndToEndBench.Sequential(WarmingCalls, Null(rtl));
        var warm = new Samples(await EndToEndBench.Sequential(FirstCalls, Null(rtl)));
        var rate = await EndToEndBench.Concurrent(Callers, throughputFor, Null(rtl));
        return new Figures(first, warm, rate);
    }

    private static Func<Task> Null(RtlClient rtl) => () => rtl.RunAsync(EndToEndBench.NullPipeline);
}
