using Rtl.Client;
using Rtl.Data;
using Rtl.IntegrationTests.Processes;
using Rtl.Jobs;
using Rtl.Pipelines;
using Xunit;
using Xunit.Abstractions;

namespace Rtl.IntegrationTests.Failover;

/// <summary>Durable jobs accepted by a silo that is then killed run to completion once a silo starts again.</summary>
public sealed class FullRestartTests(ITestOutputHelper output) : IDisposable
{
    private const int Rows = 1_000_000;
    private static readonly TimeSpan Command = TimeSpan.FromMinutes(2);
    private readonly string dataDir = Directory.CreateTempSubdirectory("rtl-restart-").FullName;

    [Fact]
    public async Task Jobs_left_unfinished_by_a_killed_silo_complete_after_it_restarts()
    {
        string[] ports = ["--silo-port", FreePorts.Next().ToString(), "--gateway-port", FreePorts.Next().ToString(), "--web-port", "0"];
        var started = await Rtl(["start", .. ports]);
        Assert.True(started.ExitCode == 0, started.ToString());
        var pipeline = Pipeline.Builder()
            .Stage(s => s.Task("multiply", new { operations = new[] { new { a = "x", b = 3, column = "y" } } }))
            .Stage(s => s.Task("sort", new { column = "y", kind = "stable", descending = true }))
            .Stage(s => s.Task("add", new { operations = new[] { new { a = "y", b = 1, column = "z" } } }))
            .Build();
        var input = Table.Create(("x", Column.Of(Enumerable.Range(0, Rows).Select(i => (double)i).ToArray())));

        var jobs = new List<Guid>();
        await using (var client = await RtlClient.ConnectAsync(new RtlClientOptions { DataDir = dataDir }))
        {
            for (var i = 0; i < 6; i++)
            {
                jobs.Add((await client.SubmitAsync(pipeline, input)).Id);
            }

            var pid = int.Parse(await File.ReadAllTextAsync(Directory.GetFiles(dataDir, "silo-*.pid").Single()));
            System.Diagnostics.Process.GetProcessById(pid).Kill(); // SIGKILL right after the last acknowledgement
            output.WriteLine($"killed the only silo (pid {pid}) with {jobs.Count} jobs submitted");
        }

        var restart = DateTimeOffset.UtcNow;
        var restarted = await Rtl(["start", .. ports]);
        Assert.True(restarted.ExitCode == 0, restarted.ToString());
        await using var again = await RtlClient.ConnectAsync(new RtlClientOptions { DataDir = dataDir });
        var lastStarts = new List<DateTimeOffset>();
        foreach (var id in jobs)
        {
            var record = await again.WaitAsync(id, TimeSpan.FromMinutes(2));
            Assert.True(record.Status == JobStatus.Completed, $"job {id}: {record.Status} {record.Error}");
            var table = (await again.GetJobResultAsync(id))!;
            Assert.Equal(Rows, table.RowCount);
            var z = table["z"].AsDoubles();
            Assert.Equal(3.0 * (Rows - 1) + 1, z[0]);
            Assert.Equal(1.0, z[Rows - 1]);
            output.WriteLine($"job {id}: completed after {record.Attempts} attempt(s), the last started {record.AttemptLog[^1].Started:HH:mm:ss.fff}");
            lastStarts.Add(record.AttemptLog[^1].Started);
        }

        // At least one job was cut off by the kill (running, or queued and not yet started) and ran after the
        // restart; else this proved nothing.
        Assert.Contains(lastStarts, started => started > restart);
    }

    public void Dispose()
    {
        Rtl("stop").GetAwaiter().GetResult();
        Directory.Delete(dataDir, recursive: true);
    }

    private Task<RtlProcess.Outcome> Rtl(params string[] args) =>
        RtlProcess.Run(dataDir, Command, [.. args, "--data-dir", dataDir]);
}
