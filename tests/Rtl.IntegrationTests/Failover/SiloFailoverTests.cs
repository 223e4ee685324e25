using System.Diagnostics;
using Rtl.Client;
using Rtl.Data;
using Rtl.IntegrationTests.Processes;
using Rtl.Jobs;
using Rtl.Pipelines;
using Xunit;
using Xunit.Abstractions;

namespace Rtl.IntegrationTests.Failover;

/// <summary>Three real silo processes on one data dir; one is killed with SIGKILL while jobs run.</summary>
public sealed class SiloFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Rows = 400_000;
    private static readonly TimeSpan Command = TimeSpan.FromMinutes(2);

    private static readonly Pipeline Pipeline = Pipeline.Builder()
        .Stage(s => s
            .Task("multiply", new { operations = new[] { new { a = "x", b = 2, column = "y" } } })
            .Task("add", new { operations = new[] { new { a = "y", b = "x", column = "z" } } })
            .Task("filter", new { operations = new[] { new { column = "x", method = "ge", value = 100 } } }))
        .Stage(s => s.Task("average", new { operations = new[] { new { a = "z", column = "mean" } } }))
        .Stage(s => s.Task("subtract", new { operations = new[] { new { a = "z", b = "mean", column = "centred" } } }))
        .Build();

    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "rtl-failover-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataDir);
        for (var i = 0; i < 3; i++)
        {
            var started = await Rtl("start", "--silo-port", FreePorts.Next().ToString(), "--gateway-port", FreePorts.Next().ToString(), "--web-port", FreePorts.Next().ToString(),
                "--chunking", "--chunk-rows", "50000");
            Assert.True(started.ExitCode == 0, started.ToString());
        }
    }

    public async Task DisposeAsync()
    {
        await Rtl("stop");
        foreach (var log in Directory.GetFiles(dataDir, "silo-*.log"))
        {
            output.WriteLine($"--- {Path.GetFileName(log)} (last lines)");
            foreach (var line in File.ReadLines(log).TakeLast(25))
            {
                output.WriteLine(line);
            }
        }

        Directory.Delete(dataDir, recursive: true);
    }

    [Fact]
    public async Task Every_job_in_flight_completes_when_a_silo_is_killed()
    {
        var input = Table.Create(("x", Column.Of(Enumerable.Range(0, Rows).Select(i => (double)i).ToArray())));
        await using var client = await RtlClient.ConnectAsync(new RtlClientOptions { DataDir = dataDir, Timeout = TimeSpan.FromMinutes(3) });
        await client.RunAsync(Pipeline, input); // warm every silo before the clock starts

        var durable = new List<JobRecord>();
        for (var i = 0; i < 8; i++)
        {
            durable.Add(await client.SubmitAsync(Pipeline, input));
        }

        var direct = Enumerable.Range(0, 8).Select(_ => client.RunAsync(Pipeline, input)).ToArray();
        var victim = Directory.GetFiles(dataDir, "silo-*.pid").Order(StringComparer.Ordinal).Skip(1).First();
        var pid = int.Parse(await File.ReadAllTextAsync(victim));
        await Task.Delay(100);
        var clock = Stopwatch.StartNew();
        Process.GetProcessById(pid).Kill(); // SIGKILL: no goodbye to the cluster
        output.WriteLine($"killed silo pid {pid} ({Path.GetFileName(victim)})");

        foreach (var result in await Task.WhenAll(direct).WaitAsync(TimeSpan.FromMinutes(3)))
        {
            AssertCorrect(result.Table!);
        }

        output.WriteLine($"direct jobs done {clock.Elapsed.TotalSeconds:F1} s after the kill");
        foreach (var job in durable)
        {
            var record = await client.WaitAsync(job.Id, TimeSpan.FromMinutes(3));
            Assert.True(record.Status == JobStatus.Completed, $"job {job.Id}: {record.Status} {record.Error}");
            AssertCorrect((await client.GetJobResultAsync(job.Id))!);
            output.WriteLine($"job {job.Id}: attempts {record.Attempts}");
        }

        output.WriteLine($"durable jobs done {clock.Elapsed.TotalSeconds:F1} s after the kill");
    }

    private static void AssertCorrect(Table table)
    {
        Assert.Equal(Rows - 100, table.RowCount);
        var x = table["x"].AsDoubles();
        var z = table["z"].AsDoubles();
        var centred = table["centred"].AsDoubles();
        var mean = (3.0 * 100 + 3.0 * (Rows - 1)) / 2;
        for (var i = 0; i < table.RowCount; i++)
        {
            if (x[i] != i + 100 || z[i] != 3 * x[i] || Math.Abs(centred[i] - (z[i] - mean)) > 1e-6)
            {
                Assert.Fail($"row {i}: x={x[i]} z={z[i]} centred={centred[i]}");
            }
        }
    }

    private Task<RtlProcess.Outcome> Rtl(params string[] args) =>
        RtlProcess.Run(dataDir, Command, [.. args, "--data-dir", dataDir]);
}
