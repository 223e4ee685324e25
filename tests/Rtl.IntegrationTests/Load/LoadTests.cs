using System.Collections.Concurrent;
using Rtl.Client;
using Rtl.Data;
using Rtl.IntegrationTests.Processes;
using Rtl.Jobs;
using Rtl.Pipelines;
using Xunit;
using Xunit.Abstractions;

namespace Rtl.IntegrationTests.Load;

/// <summary>
/// Load: two real <c>rtl start</c> silos on one data dir, 16 separate <see cref="RtlClient"/>s, thousands of
/// small jobs each with its own input; every one must come back, and with its own right answer. No timing is
/// asserted (bench section D measures it).
/// </summary>
public sealed class LoadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Clients = 16;
    private const int InFlightPerClient = 4;
    private const int DirectJobs = 10_000;
    private const int DurableJobs = 1_000;
    private static readonly TimeSpan Command = TimeSpan.FromMinutes(2);

    /// <summary>Per job: y = (x + 0.5) * 3, z = y - id, all exact in doubles for these magnitudes.</summary>
    private static readonly Pipeline Pipeline = Pipeline.Builder()
        .Stage(s => s
            .Task("add", new { operations = new[] { new { a = "x", b = 0.5, column = "h" } } })
            .Task("multiply", new { operations = new[] { new { a = "h", b = 3, column = "y" } } }))
        .Stage(s => s.Task("subtract", new { operations = new[] { new { a = "y", b = "id", column = "z" } } }))
        .Build();

    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "rtl-load-" + Guid.NewGuid().ToString("N"));
    private readonly List<RtlClient> clients = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataDir);
        for (var i = 0; i < 2; i++)
        {
            var started = await Rtl("start", "--silo-port", FreePorts.Next().ToString(), "--gateway-port", FreePorts.Next().ToString(), "--web-port", FreePorts.Next().ToString());
            Assert.True(started.ExitCode == 0, started.ToString());
        }

        for (var i = 0; i < Clients; i++)
        {
            clients.Add(await RtlClient.ConnectAsync(new RtlClientOptions { DataDir = dataDir, Timeout = TimeSpan.FromMinutes(3) }));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        await Rtl("stop");
        Directory.Delete(dataDir, recursive: true);
    }

    [Fact]
    public async Task Ten_thousand_jobs_from_16_clients_all_come_back_each_with_its_own_right_result()
    {
        var errors = new ConcurrentQueue<string>();
        var returned = new int[DirectJobs];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await ForEachJob(DirectJobs, async (client, job) =>
        {
            var result = await client.RunAsync(Pipeline, Input(job));
            Interlocked.Increment(ref returned[job]);
            if (Check(job, result.Table) is { } error)
            {
                errors.Enqueue(error);
            }
        });
        output.WriteLine($"{DirectJobs} RunAsync jobs from {Clients} clients in {clock.Elapsed.TotalSeconds:F1} s");

        Assert.True(errors.IsEmpty, $"{errors.Count} wrong: {string.Join("; ", errors.Take(20))}");
        var notOnce = Enumerable.Range(0, DirectJobs).Where(j => returned[j] != 1).ToArray();
        Assert.True(notOnce.Length == 0, $"{notOnce.Length} jobs did not come back exactly once: {string.Join(", ", notOnce.Take(20))}");
    }

    [Fact]
    public async Task A_thousand_durable_jobs_from_16_clients_all_complete_each_with_its_own_right_result()
    {
        var ids = new Guid[DurableJobs];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await ForEachJob(DurableJobs, async (client, job) =>
        {
            var record = await client.SubmitAsync(Pipeline, Input(job));
            ids[job] = record.Id;
        });
        output.WriteLine($"{DurableJobs} SubmitAsync from {Clients} clients in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(DurableJobs, ids.Distinct().Count(id => id != Guid.Empty));

        var errors = new ConcurrentQueue<string>();
        await ForEachJob(DurableJobs, async (client, job) =>
        {
            var record = await client.WaitAsync(ids[job], TimeSpan.FromMinutes(3));
            if (record.Status != JobStatus.Completed)
            {
                errors.Enqueue($"job {job} ({ids[job]}): {record.Status} {record.Error}");
                return;
            }

            if (Check(job, await client.GetJobResultAsync(ids[job])) is { } error)
            {
                errors.Enqueue(error);
            }
        });
        output.WriteLine($"… all {DurableJobs} completed and read back {clock.Elapsed.TotalSeconds:F1} s after the first submit");
        Assert.True(errors.IsEmpty, $"{errors.Count} failed or wrong: {string.Join("; ", errors.Take(20))}");
    }

    /// <summary>Job j's input: three rows whose values encode j, so a result handed to the wrong caller shows.</summary>
    private static Table Input(int job) => Table.Create(
        ("id", Column.Of((double)job, job, job)),
        ("x", Column.Of(job * 3.0, (job * 3.0) + 1, (job * 3.0) + 2)));

    private static string? Check(int job, Table? table)
    {
        if (table is null)
        {
            return $"job {job}: no table";
        }

        if (table.RowCount != 3)
        {
            return $"job {job}: {table.RowCount} rows";
        }

        for (var row = 0; row < 3; row++)
        {
            var x = (job * 3.0) + row;
            var expected = ((x + 0.5) * 3) - job;
            var (id, gotX, z) = (table["id"].GetDouble(row), table["x"].GetDouble(row), table["z"].GetDouble(row));
            if (id != job || gotX != x || z != expected)
            {
                return $"job {job} row {row}: id={id} x={gotX} z={z}, expected id={job} x={x} z={expected}";
            }
        }

        return null;
    }

    /// <summary>Jobs 0..count-1 dealt to the clients in turn; each client keeps <see cref="InFlightPerClient"/> in flight.</summary>
    private async Task ForEachJob(int count, Func<RtlClient, int, Task> run)
    {
        await Task.WhenAll(Enumerable.Range(0, Clients).SelectMany(c => Enumerable.Range(0, InFlightPerClient).Select(async lane =>
        {
            for (var job = c + (lane * Clients); job < count; job += Clients * InFlightPerClient)
            {
                await run(clients[c], job);
            }
        }))).WaitAsync(TimeSpan.FromMinutes(5));
    }

    private Task<RtlProcess.Outcome> Rtl(params string[] args) =>
        RtlProcess.Run(dataDir, Command, [.. args, "--data-dir", dataDir]);
}
