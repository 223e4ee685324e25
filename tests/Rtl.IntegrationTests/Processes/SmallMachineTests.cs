using System.Diagnostics;
using System.Globalization;
using System.Net;
using Rtl.Benchmarks;
using Xunit;

namespace Rtl.IntegrationTests.Processes;

/// <summary>
/// rtl inside a 256 MB memory cgroup, as a Pi Zero 2 W's unit caps it: the limits follow the cap (the GC sees 75% of
/// it, 192 MiB), and the demo completes. Needs root to make the cgroup; skipped without, except in CI.
/// </summary>
public sealed class SmallMachineTests : IDisposable
{
    private const long Cap = 256L << 20;

    private readonly string root = Directory.CreateTempSubdirectory("rtl-small-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [CgroupFact]
    public async Task The_demo_completes_inside_256_MB()
    {
        using var cgroup = MemoryCgroup.TryCreate(Cap, out var why) ?? throw new InvalidOperationException(why);
        var start = RtlProcess.StartInfo(root, "demo", "--no-wait", "--data-dir", Path.Combine(root, "demo"), "--web-port", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        using var demo = cgroup.Start(start);
        var stdout = demo.StandardOutput.ReadToEndAsync();
        var stderr = demo.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RealSilos.Command * 2);
        await demo.WaitForExitAsync(timeout.Token);

        var printed = $"exit {demo.ExitCode}\n{await stdout}\n{await stderr}";
        Assert.True(demo.ExitCode == 0, printed);
        Assert.Contains("Plots: 5 PNG file(s)", await stdout);
        Assert.Equal(0, cgroup.OomKills);
        Assert.InRange(cgroup.Peak, 1, Cap);
    }

    [CgroupFact]
    public async Task A_silo_inside_256_MB_sizes_its_limits_to_it_and_refuses_a_body_over_them()
    {
        using var cgroup = MemoryCgroup.TryCreate(Cap, out var why) ?? throw new InvalidOperationException(why);
        var web = FreePorts.Next();
        var start = RtlProcess.StartInfo(root, "silo", "--data-dir", Path.Combine(root, "silo"), "--files-root", root,
            "--silo-port", FreePorts.Next().ToString(CultureInfo.InvariantCulture), "--gateway-port", FreePorts.Next().ToString(CultureInfo.InvariantCulture), "--web-port", web.ToString(CultureInfo.InvariantCulture));
        using var silo = cgroup.Start(start);
        try
        {
            var memory = await LineStarting(silo, "Memory:");
            // 192 MiB = 75% of the cap, the GC's heap limit in a cgroup; tables an eighth, bodies a quarter, the budget half.
            Assert.Equal("Memory: 192 MiB for this silo; input tables up to 24 MiB (MaxTableBytes), request bodies up to 48 MiB, a job's plan up to 96 MiB (MemoryBudget)", memory);

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{web}"), Timeout = RealSilos.Command };
            using var body = new ByteArrayContent(new byte[(48 << 20) + 1]);
            body.Headers.ContentType = new("application/json");
            using var response = await http.PostAsync("/api/jobs", body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode} {text}");
            Assert.Contains("over this silo's limit of 50,331,648 bytes", text);
            Assert.Equal(0, cgroup.OomKills);
        }
        finally
        {
            silo.Kill(entireProcessTree: true);
            await silo.WaitForExitAsync();
        }
    }

    private static async Task<string> LineStarting(Process process, string prefix)
    {
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RealSilos.Command);
        var seen = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.Add(line);
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"rtl silo ended without a '{prefix}' line:\n{string.Join('\n', seen)}");
    }
}

/// <summary>A test that needs a memory cgroup (root): skipped where none can be made, except in CI, where it fails with the reason.</summary>
public sealed class CgroupFactAttribute : FactAttribute
{
    public CgroupFactAttribute()
    {
        if (!Postgres.PostgresServer.IsCi)
        {
            using var probe = MemoryCgroup.TryCreate(256L << 20, out var why);
            if (probe is null)
            {
                Skip = why;
            }
        }
    }
}
