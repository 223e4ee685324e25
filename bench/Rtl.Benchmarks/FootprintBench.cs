using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Rtl.Silo.Demo;

namespace Rtl.Benchmarks;

/// <summary>
/// F. Footprint of the release a user installs (issue 11's small-machine targets), under each GC mode the runtime
/// offers: start-up to a ready gateway (fresh data dir, and again on the same one, as after a reboot), the idle
/// silo's RSS, and <c>rtl demo</c> inside a 256 MB memory cgroup. Baseline: a Dask node (scheduler + one worker,
/// Debian's python3-distributed) started and left idle the same way, and the same demo without the cap.
/// </summary>
public static class FootprintBench
{
    private const long CapBytes = 256L << 20;

    /// <summary>
    /// The GC modes compared, as environment settings on the silo's process (the first is the release's own), the
    /// release without its dashboard, and with the runtime's tiering threshold instead of the release's 1,000.
    /// </summary>
    public static readonly (string Name, Dictionary<string, string> Environment, string[] Arguments)[] Variants =
    [
        ("server GC + DATAS (the release's)", [], []),
        ("server GC, DATAS off", new() { ["DOTNET_gcServer"] = "1", ["DOTNET_GCDynamicAdaptationMode"] = "0" }, []),
        ("workstation GC, concurrent", new() { ["DOTNET_gcServer"] = "0", ["DOTNET_gcConcurrent"] = "1" }, []),
        ("workstation GC, non-concurrent", new() { ["DOTNET_gcServer"] = "0", ["DOTNET_gcConcurrent"] = "0" }, []),
        ("server GC + DATAS, --no-dashboard", [], ["--no-dashboard"]),
        ("tiering's call-count threshold 30 (the runtime's default)", new() { ["DOTNET_TC_CallCountThreshold"] = "30" }, []),
    ];

    public static void Run(Report report, bool quick, string root, string? release, string section)
    {
        var rtl = Path.Combine(release ?? Publish(root), "rtl");
        var starts = quick ? 3 : 5;
        var idle = TimeSpan.FromSeconds(quick ? 8 : 15);
        var dask = MeasureDask(starts, idle);
        WarmClient(rtl, root);
        Calls? releaseCalls = null;
        foreach (var (mode, environment, arguments) in Variants)
        {
            var (fresh, warm, rss, cpu, calls) = MeasureSilo(rtl, root, environment, arguments, starts, idle);
            report.Add(new Row(section, $"start-up to a ready gateway, fresh data dir — {mode}", Seconds(Median(fresh)), Seconds(Median(dask.Ready)),
                Median(fresh) / Median(dask.Ready), "≤ 1.5 s", Median(fresh) <= 1.5, $"n={starts}; baseline: Dask scheduler + worker to registered; {Spread(fresh)}"));
            report.Add(new Row(section, $"start-up to a ready gateway, restart on the same data dir — {mode}", Seconds(Median(warm)), Seconds(Median(dask.Ready)),
                Median(warm) / Median(dask.Ready), "≤ 1.5 s", Median(warm) <= 1.5, $"n={starts}; {Spread(warm)}"));
            report.Add(new Row(section, $"idle silo RSS, {idle.TotalSeconds:0} s after start — {mode}", Mb(Median(rss)), Mb(Median(dask.Rss)),
                Median(rss) / Median(dask.Rss), "≤ 100 MB", Median(rss) <= 100e6,
                $"n={starts}; baseline: idle Dask scheduler + nanny + worker; {string.Join(", ", rss.Select(Mb))}; CPU while idle {Median(cpu) * 100:0.0}% of a core (Dask {Median(dask.Cpu) * 100:0.0}%)"));
            AddCalls(report, section, mode, calls, releaseCalls, starts);
            releaseCalls ??= calls;
            MeasureDemo(report, rtl, root, mode, environment, arguments, section);
        }
    }

    /// <summary>Per start: the first 1,000 null pipelines' p50, the p50 after 10,000 more, jobs/s from 16 callers.</summary>
    private sealed record Calls(double[] First, double[] Warm, double[] Rate);

    /// <summary>The first variant (the release's) is the baseline of the others: what a setting changes.</summary>
    private static void AddCalls(Report report, string section, string mode, Calls calls, Calls? release, int starts)
    {
        report.Add(new Row(section, $"null pipelines on a silo just (re)started: the first {FreshSiloCalls.FirstCalls:N0}, p50 — {mode}",
            Report.Ms(Median(calls.First)), release is null ? "—" : Report.Ms(Median(release.First)), release is null ? double.NaN : Median(calls.First) / Median(release.First),
            "p50 ≤ 0.3 ms", Median(calls.First) <= 0.3, $"n={starts} silos; baseline: the release's settings; {SpreadMs(calls.First)}"));
        report.Add(new Row(section, $"… after {FreshSiloCalls.WarmingCalls:N0} more: p50 — {mode}",
            Report.Ms(Median(calls.Warm)), release is null ? "—" : Report.Ms(Median(release.Warm)), release is null ? double.NaN : Median(calls.Warm) / Median(release.Warm),
            "p50 ≤ 0.1 ms", Median(calls.Warm) <= 0.1, SpreadMs(calls.Warm)));
        report.Add(new Row(section, $"… then {FreshSiloCalls.Callers} concurrent callers — {mode}",
            $"{Median(calls.Rate):N0} jobs/s", release is null ? "—" : $"{Median(release.Rate):N0} jobs/s", release is null ? double.NaN : Median(calls.Rate) / Median(release.Rate),
            "≥ 20,000 jobs/s", Median(calls.Rate) >= 20_000, "ratio is throughput; " + string.Join(", ", calls.Rate.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))));
    }

    /// <summary>The bench's own client code is JIT-compiled on first use; run it once against a throwaway silo so the timed silos meet a warm client.</summary>
    private static void WarmClient(string rtl, string root)
    {
        var dataDir = NewDirectory(root, "warm-client-");
        using (var node = NodeProcesses.Silo(rtl, dataDir, new Dictionary<string, string>(), []))
        {
            FreshSiloCalls.Measure(node, dataDir, TimeSpan.FromSeconds(0.5)).GetAwaiter().GetResult();
        }

        Directory.Delete(dataDir, recursive: true);
    }

    private static (double[] Ready, double[] Rss, double[] Cpu) MeasureDask(int starts, TimeSpan idle)
    {
        var ready = new List<double>();
        var rss = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < starts; i++)
        {
            using var node = NodeProcesses.Dask(threads: Environment.ProcessorCount);
            ready.Add(node.Ready.TotalSeconds);
            cpu.Add(IdleCpu(node, idle));
            rss.Add(node.Rss());
        }

        return ([.. ready], [.. rss], [.. cpu]);
    }

    /// <summary>Waits <paramref name="idle"/>, the first half to settle; returns the CPU the node used in the second half, in cores.</summary>
    private static double IdleCpu(NodeProcesses node, TimeSpan idle)
    {
        Thread.Sleep(idle / 2);
        var before = node.CpuSeconds();
        var clock = Stopwatch.StartNew();
        Thread.Sleep(idle / 2);
        return (node.CpuSeconds() - before) / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Each start on a fresh data dir is left idle, measured, stopped with SIGTERM, then started again on the same dir.</summary>
    private static (double[] Fresh, double[] Warm, double[] Rss, double[] Cpu, Calls Calls) MeasureSilo(
        string rtl, string root, Dictionary<string, string> environment, string[] arguments, int starts, TimeSpan idle)
    {
        var fresh = new List<double>();
        var warm = new List<double>();
        var rss = new List<double>();
        var cpu = new List<double>();
        var (first, warmCalls, rate) = (new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i < starts; i++)
        {
            var dataDir = NewDirectory(root, "footprint-");
            using (var node = NodeProcesses.Silo(rtl, dataDir, environment, arguments))
            {
                fresh.Add(node.Ready.TotalSeconds);
                cpu.Add(IdleCpu(node, idle));
                rss.Add(node.Rss());
            }

            using (var again = NodeProcesses.Silo(rtl, dataDir, environment, arguments))
            {
                warm.Add(again.Ready.TotalSeconds);
                var calls = FreshSiloCalls.Measure(again, dataDir, TimeSpan.FromSeconds(2)).GetAwaiter().GetResult();
                first.Add(calls.First.Median);
                warmCalls.Add(calls.Warm.Median);
                rate.Add(calls.JobsPerSecond);
            }

            Directory.Delete(dataDir, recursive: true);
        }

        return ([.. fresh], [.. warm], [.. rss], [.. cpu], new Calls([.. first], [.. warmCalls], [.. rate]));
    }

    /// <summary><c>rtl demo --no-wait</c> in a 256 MB cgroup and in one with no effective cap (to measure its peak the same way).</summary>
    private static void MeasureDemo(Report report, string rtl, string root, string mode, Dictionary<string, string> environment, string[] arguments, string section)
    {
        var free = RunDemo(rtl, root, environment, arguments, long.MaxValue / 2);
        var capped = RunDemo(rtl, root, environment, arguments, CapBytes);
        if (capped.Why is { } why)
        {
            report.Add(new Row(section, $"rtl demo in a 256 MB memory cgroup — {mode}", "not measured", "—", double.NaN, "completes", null, why));
            return;
        }

        report.Add(new Row(section, $"rtl demo in a 256 MB memory cgroup — {mode}: time, capped vs uncapped",
            Seconds(capped.Seconds), Seconds(free.Seconds), capped.Seconds / free.Seconds, "completes, 5 plots, no OOM kill", capped.Completed,
            $"{capped.Version}; peak {Mb(capped.Peak)} capped, {Mb(free.Peak)} uncapped (cgroup peak: RSS + page cache); OOM kills {capped.OomKills}; {capped.Outcome}"));
    }

    private sealed record DemoRun(double Seconds, long Peak, long OomKills, bool Completed, string Outcome, string Version, string? Why);

    private static DemoRun RunDemo(string rtl, string root, Dictionary<string, string> environment, string[] arguments, long limit)
    {
        using var cgroup = MemoryCgroup.TryCreate(limit, out var why);
        if (cgroup is null)
        {
            return new DemoRun(double.NaN, -1, -1, false, "", "", why);
        }

        var dataDir = NewDirectory(root, "demo-");
        var start = new ProcessStartInfo(rtl) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = dataDir };
        foreach (var argument in (string[])["demo", "--no-wait", "--data-dir", dataDir, "--web-port", FreePort.Any().ToString(CultureInfo.InvariantCulture), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var demo = cgroup.Start(start);
        var error = demo.StandardError.ReadToEndAsync();
        var output = demo.StandardOutput.ReadToEnd();
        demo.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        var plots = output.Split('\n').FirstOrDefault(l => l.StartsWith("Plots:", StringComparison.Ordinal)) ?? "";
        var completed = demo.ExitCode == 0 && plots.StartsWith("Plots: 5 PNG", StringComparison.Ordinal) && cgroup.OomKills <= 0;
        var outcome = completed ? "exit 0, " + plots.Split(" in ")[0]
            : $"exit {demo.ExitCode}: {string.Join(" / ", (error.Result + output).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3))}";
        var run = new DemoRun(seconds, cgroup.Peak, cgroup.OomKills, completed, outcome, cgroup.Version, null);
        Directory.Delete(dataDir, recursive: true);
        return run;
    }

    /// <summary>The release for this machine, published as the README says (3–4 minutes).</summary>
    private static string Publish(string root)
    {
        var rid = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        var output = Path.Combine(root, "release-" + rid);
        var repo = Path.GetDirectoryName(Numpy.BenchDir)!;
        Console.WriteLine($"  publishing the {rid} release (dotnet publish src/Silo -c Release -r {rid}) …");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, WorkingDirectory = repo };
        foreach (var argument in (string[])["publish", "src/Silo", "-c", "Release", "-r", rid, "-o", output, "--artifacts-path", Path.Combine(root, "artifacts"), "-nologo", "-v", "q"])
        {
            start.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(start)!;
        var log = publish.StandardOutput.ReadToEnd();
        publish.WaitForExit();
        return publish.ExitCode == 0 ? output : throw new InvalidOperationException($"dotnet publish failed:\n{log}");
    }

    private static string NewDirectory(string root, string prefix) =>
        Directory.CreateDirectory(Path.Combine(root, prefix + Guid.NewGuid().ToString("N")[..8])).FullName;

    private static double Median(double[] values) => new Samples(values).Median;

    private static string Seconds(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.00 s", CultureInfo.InvariantCulture);

    private static string Mb(double bytes) => bytes < 0 ? "n/a" : (bytes / 1e6).ToString("0 MB", CultureInfo.InvariantCulture);

    private static string SpreadMs(double[] values) => "runs " + string.Join(", ", values.Select(v => v.ToString("0.000", CultureInfo.InvariantCulture)));

    private static string Spread(double[] values) => "runs " + string.Join(", ", values.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)));
}
