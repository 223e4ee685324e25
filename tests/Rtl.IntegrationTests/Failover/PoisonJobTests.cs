using System.Diagnostics;
using Rtl.Client;
using Rtl.Data;
using Rtl.IntegrationTests.Processes;
using Rtl.Jobs;
using Rtl.Pipelines;
using Xunit;
using Xunit.Abstractions;

namespace Rtl.IntegrationTests.Failover;

/// <summary>
/// A durable job that takes its silo down (here: the only silo, killed with SIGKILL while it runs the job, as the
/// kernel's OOM killer would) is tried at most <c>JobMaxAttempts</c> times (3 by default), then fails with the reason
/// and stays failed on later starts — where it used to come back on every start.
/// </summary>
public sealed class PoisonJobTests(ITestOutputHelper output) : IDisposable
{
    private const int MaxAttempts = 3; // the default of JobMaxAttempts, which this silo runs with
    private static readonly TimeSpan Command = TimeSpan.FromMinutes(3);

    // Generous: a start, the job index's first resume (~6 s after it) and a loaded 2-core machine.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private readonly string dataDir = Directory.CreateTempSubdirectory("rtl-poison-").FullName;
    private readonly string[] ports = ["--silo-port", FreePorts.Next().ToString(), "--gateway-port", FreePorts.Next().ToString(), "--web-port", "0"];

    /// <summary>The client of the silo now running; a new one after each start.</summary>
    private RtlClient? client;

    /// <summary>Long enough (300 sorts of 2,000,000 rows, half a minute and more) to be running whenever it is seen running.</summary>
    private static Pipeline Slow()
    {
        var builder = Pipeline.Builder();
        for (var i = 0; i < 300; i++)
        {
            builder.Stage(s => s.Task("sort", new { column = "x", kind = "stable", descending = i % 2 == 0 }));
        }

        return builder.Build();
    }

    private static Table Input() => Table.Create(("x", Column.Of(Enumerable.Range(0, 2_000_000).Select(i => (double)i).ToArray())));

    [Fact]
    public async Task A_job_whose_silo_dies_in_every_attempt_fails_after_MaxAttempts_with_the_reason_and_is_not_started_again()
    {
        await Start();
        var poison = (await client!.SubmitAsync(Slow(), Input())).Id;

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            await KillWhileRunning(poison, attempt);
            await Start();
        }

        // The start after the last attempt's crash gives up on the job instead of running it a fourth time.
        var failed = await WaitFor(poison, r => r.Status != JobStatus.Running && r.Status != JobStatus.Queued, "to end");
        output.WriteLine($"job {poison}: {failed.Status} after {failed.Attempts} attempts: {failed.Error}");
        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Equal(MaxAttempts, failed.Attempts);
        Assert.Equal(MaxAttempts, failed.AttemptLog.Count);
        Assert.StartsWith($"gave up after {MaxAttempts} attempts (JobMaxAttempts {MaxAttempts}): the silo running it was lost during each", failed.Error);

        // One more crash and start: a second job, killed while it runs, is resumed in that start (so the job index
        // did resume its unfinished jobs), and the first stays as it ended.
        var witness = (await client!.SubmitAsync(Slow(), Input())).Id;
        await KillWhileRunning(witness, 1);
        await Start();
        await WaitFor(witness, r => r.Attempts == 2 && r.Status == JobStatus.Running, "to be resumed after the restart");
        var after = await Record(poison);
        Assert.Equal(JobStatus.Failed, after!.Status);
        Assert.Equal(MaxAttempts, after.Attempts);
        Assert.Equal(failed.Finished, after.Finished);
    }

    /// <summary>Waits until the job's record shows <paramref name="attempt"/> running, then kills the silo with SIGKILL.</summary>
    private async Task KillWhileRunning(Guid job, int attempt)
    {
        var pid = int.Parse(await File.ReadAllTextAsync(Directory.GetFiles(dataDir, "silo-*.pid").Single()));
        var running = await WaitFor(job, r => r.Status == JobStatus.Running && r.Attempts == attempt, $"to run attempt {attempt}");
        using var silo = Process.GetProcessById(pid);
        silo.Kill();
        output.WriteLine($"killed the silo (pid {pid}) at {DateTime.UtcNow:HH:mm:ss.fff} in attempt {attempt} of job {job}, started {running.AttemptLog[^1].Started:HH:mm:ss.fff}");
        await silo.WaitForExitAsync().WaitAsync(Command);
        var lost = client!;
        client = null;
        try
        {
            await lost.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception e) when (e is TimeoutException or RtlConnectionException)
        {
            // Its gateway is gone; nothing to close politely.
        }
    }

    private async Task<JobRecord> WaitFor(Guid job, Func<JobRecord, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        JobRecord? last = null;
        while (clock.Elapsed < Patience)
        {
            last = await Record(job) ?? last;
            if (last is not null && condition(last))
            {
                return last;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"job {job} did not get {what} within {Patience}; last seen: {last?.Status} after {last?.Attempts} attempts, {last?.Error}");
    }

    /// <summary>The job's record through the running silo's client; null while the silo is not answering.</summary>
    private async Task<JobRecord?> Record(Guid job)
    {
        try
        {
            return await client!.GetJobAsync(job);
        }
        catch (Exception e) when (e is RtlConnectionException or TimeoutException)
        {
            return null;
        }
    }

    private async Task Start()
    {
        var started = await Rtl(["start", .. ports]);
        Assert.True(started.ExitCode == 0, started.ToString());
        client = await RtlClient.ConnectAsync(new RtlClientOptions
        {
            DataDir = dataDir,
            ConnectTimeout = TimeSpan.FromSeconds(60),
            Timeout = TimeSpan.FromMinutes(1),
        });
    }

    public void Dispose()
    {
        client?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Rtl("stop").GetAwaiter().GetResult();
        foreach (var log in Directory.GetFiles(dataDir, "silo-*.log"))
        {
            foreach (var line in File.ReadLines(log).Where(l => l.Contains("Resuming job", StringComparison.Ordinal) || l.Contains("Job ", StringComparison.Ordinal)).TakeLast(20))
            {
                output.WriteLine(line);
            }
        }

        Directory.Delete(dataDir, recursive: true);
    }

    private Task<RtlProcess.Outcome> Rtl(params string[] args) =>
        RtlProcess.Run(dataDir, Command, [.. args, "--data-dir", dataDir]);
}
