using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace Rtl.IntegrationTests.Hosts;

/// <summary>
/// Rtl as it is meant to run: three hosts, each with a disk the others cannot read, on one PostgreSQL. Jobs keep
/// their results and plots, and every host serves every job, whatever happens to the host that ran it.
/// </summary>
[Collection(ClusterOfHostsCollection.Name)]
public sealed class ClusterOfHostsTests(ClusterOfHosts cluster, ITestOutputHelper output) : HostsTest(cluster, output)
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(4);

    [HostsFact]
    public async Task A_host_cannot_see_another_hosts_data_dir_or_files()
    {
        var secret = Path.Combine(Cluster[2].FilesRoot, "only-on-host-2.csv");
        await File.WriteAllTextAsync(secret, "a\n1\n");

        // /proc/<pid>/root shows the file system as that process sees it, through its own mounts.
        Assert.False(File.Exists($"/proc/{Cluster[1].Pid}/root{secret}"), "host 1's silo can read host 2's files");
        Assert.False(Directory.Exists($"/proc/{Cluster[3].Pid}/root{Path.Combine(Cluster[2].DataDir, "rtl.db")}"));
        Assert.True(File.Exists($"/proc/{Cluster[2].Pid}/root{secret}"), "host 2's silo cannot read its own files");
        Output.WriteLine($"addresses: {string.Join(", ", Cluster.Hosts.Select(h => h.Address))} (distinct: {Cluster.DistinctAddresses})");
    }

    [HostsFact]
    public async Task Durable_jobs_survive_a_killed_host_and_every_host_serves_every_result_and_plot()
    {
        var traffic = new JobTraffic();
        var hosts = Cluster.Hosts;

        var clock = new Stopwatch();
        // Twelve at once, so the hosts are busy with them when one dies; then the rest, six at a time.
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => traffic.SubmitAsync(hosts, i % hosts.Count, TimeSpan.FromMinutes(1))));
        // Placement weighs the silos' load, so which host gets jobs varies: kill host 2 or 3, whichever is seen
        // running one (host 1 stays up: the test reads the records through it).
        var (victim, inFlight) = await JobTraffic.RunningOnAsync(Cluster[1], [Cluster[2], Cluster[3]], traffic.Acked, TimeSpan.FromSeconds(30));
        await victim.KillAsync(); // SIGKILL while its jobs run
        clock.Start();
        Output.WriteLine($"killed {victim} after {traffic.Acked.Count} acknowledged jobs, job {inFlight?.ToString() ?? "(none seen)"} running there");
        for (var batch = 12; batch < 30; batch += 6)
        {
            await Task.WhenAll(Enumerable.Range(batch, 6).Select(i => traffic.SubmitAsync(hosts, i % hosts.Count, TimeSpan.FromMinutes(1))));
        }

        var records = await JobTraffic.WaitAllAsync(Cluster[1], traffic.Acked, Settle);
        var lastCompletion = clock.Elapsed;
        var completed = records.Values.Count(r => r["status"]!.GetValue<string>() == "completed");
        Output.WriteLine($"jobs sent {traffic.Sent}, acked {traffic.Acked.Count}, completed {completed}, lost {traffic.Acked.Count - completed}; " +
            $"503s {traffic.Unavailable}; kill to last completion {lastCompletion.TotalSeconds:F1} s");
        Assert.True(traffic.Problems.Count == 0, string.Join("\n", traffic.Problems.Take(5)));
        Assert.Equal(traffic.Sent, traffic.Acked.Count);
        Assert.All(traffic.Acked, job => Assert.True(records.TryGetValue(job, out var r) && r["status"]!.GetValue<string>() == "completed",
            $"job {job}: {(records.TryGetValue(job, out var record) ? record.ToJsonString() : "still running")}"));
        Output.WriteLine($"job run times: {string.Join(", ", records.Values.Select(r => r["milliseconds"]!.GetValue<double>().ToString("F0")))} ms");
        var resumed = records.Values.Where(r => Attempts(r).Count > 1).ToArray();
        Output.WriteLine($"{resumed.Length} job(s) resumed after the kill: {string.Join("; ", resumed.Select(r => string.Join(" → ", Attempts(r))))}");
        Assert.Contains(records.Values, r => Attempts(r).Count > 1 && Attempts(r)[0].Contains(victim.Address + ":" + victim.SiloPort, StringComparison.Ordinal));

        await AssertServedByAll(traffic.Acked, hosts.Where(h => h.IsRunning));
        await victim.StartAsync();
        await Cluster.WaitForActiveSilosAsync(ClusterOfHosts.Count);
        await AssertServedByAll(traffic.Acked, [victim]);

        // The CLI of the host that came back writes a result of a job it never ran.
        var foreign = records.First(r => !Attempts(r.Value)[^1].Contains(victim.Address + ":" + victim.SiloPort, StringComparison.Ordinal)).Key;
        var written = await victim.Cli("job", foreign.ToString(), "--output", "result.csv");
        Assert.True(written.ExitCode == 0, written.ToString());
        Assert.Equal(JobTraffic.Rows + 1, File.ReadLines(Path.Combine(victim.FilesRoot, "result.csv")).Count());
    }

    [HostsFact]
    public async Task A_rolling_restart_loses_no_job()
    {
        var traffic = new JobTraffic();
        var hosts = Cluster.Hosts;
        for (var round = 0; round < hosts.Count; round++)
        {
            var restarting = hosts[round];
            var stopping = restarting.StopAsync();
            for (var i = 0; i < 4; i++)
            {
                await traffic.SubmitAsync(hosts, round + 1 + i, TimeSpan.FromMinutes(1));
            }

            Assert.True(await stopping, $"{restarting} did not stop within 40 s of SIGTERM");
            await restarting.StartAsync();
            await Cluster.WaitForActiveSilosAsync(ClusterOfHosts.Count);
        }

        var records = await JobTraffic.WaitAllAsync(Cluster[1], traffic.Acked, Settle);
        var completed = records.Values.Count(r => r["status"]!.GetValue<string>() == "completed");
        Output.WriteLine($"jobs sent {traffic.Sent}, acked {traffic.Acked.Count}, completed {completed}; 503s {traffic.Unavailable}");
        Assert.True(traffic.Problems.Count == 0, string.Join("\n", traffic.Problems.Take(5)));
        Assert.Equal(traffic.Sent, completed);
        await AssertServedByAll(traffic.Acked, hosts);
    }

    [HostsFact]
    public async Task A_stage_pinned_to_a_host_reads_its_file_and_waits_while_that_host_is_down()
    {
        var keeper = Cluster[3];
        await File.WriteAllTextAsync(Path.Combine(keeper.FilesRoot, "greenhouse.csv"), "t,temperature\n1,20.5\n2,23.5\n");
        var body = $$$"""
            {"pipeline": {"stages": [
              {"on": "{{{keeper.Address}}}:{{{keeper.SiloPort}}}", "tasks": [{"task": "open", "path": ".", "file": "greenhouse.csv", "header": true}]},
              {"tasks": [{"task": "average", "operations": [{"a": "temperature", "column": "mean"}]}]}]}}
            """;

        var first = await Submit(Cluster[1], body);
        var done = (await JobTraffic.WaitAllAsync(Cluster[1], [first], Settle))[first];
        Assert.True(done["status"]!.GetValue<string>() == "completed", done.ToJsonString());
        Assert.True(keeper.Ran(done["stages"]![0]!["silo"]!.GetValue<string>()), done.ToJsonString());

        await keeper.KillAsync();
        var second = await Submit(Cluster[1], body);
        var waiting = await WaitingFor(Cluster[1], second, TimeSpan.FromMinutes(2));
        Output.WriteLine($"while {keeper} was down the job waited for: {waiting}");
        Assert.Contains($"{keeper.Address}:{keeper.SiloPort}", waiting);
        await keeper.StartAsync();

        var after = (await JobTraffic.WaitAllAsync(Cluster[1], [second], Settle))[second];
        Assert.True(after["status"]!.GetValue<string>() == "completed", after.ToJsonString());
        Assert.True(keeper.Ran(after["stages"]![0]!["silo"]!.GetValue<string>()), after.ToJsonString());
    }

    /// <summary>Posts a job as a script would: a 503 (a host just died) is sent again after its Retry-After.</summary>
    private static async Task<Guid> Submit(Host host, string body)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            using var response = await host.Http.PostAsync("/api/jobs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5));
                continue;
            }

            Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{host}: {(int)response.StatusCode} {text}");
            return Guid.Parse(JsonNode.Parse(text)!["id"]!.GetValue<string>());
        }
    }

    private static async Task<string> WaitingFor(Host host, Guid job, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var record = await JobTraffic.RecordAsync(host, job);
            if (record["waitingFor"]?.GetValue<string>() is { } waiting)
            {
                return waiting;
            }

            Assert.True(DateTime.UtcNow < deadline, $"job {job} never said what it waits for: {record.ToJsonString()}");
            await Task.Delay(500);
        }
    }

    private static List<string> Attempts(JsonNode record) =>
        record["attempts"]!.AsArray().Select(a => a!["silo"]!.GetValue<string>()).ToList();

    private async Task AssertServedByAll(List<Guid> jobs, IEnumerable<Host> hosts)
    {
        foreach (var host in hosts)
        {
            var wrong = (await Task.WhenAll(jobs.Select(job => JobTraffic.ServedWrongAsync(host, job)))).OfType<string>().ToArray();
            Assert.True(wrong.Length == 0, $"{wrong.Length} of {jobs.Count} jobs not served right by {host}:\n{string.Join('\n', wrong.Take(5))}");
            Output.WriteLine($"{host} served all {jobs.Count} results and plots");
        }
    }
}
