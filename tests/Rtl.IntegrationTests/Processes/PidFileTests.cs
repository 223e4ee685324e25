using Rtl.Silo.Cli;
using Xunit;

namespace Rtl.IntegrationTests.Processes;

/// <summary>
/// PID files: `rtl start` once lost 3 silos in 25 because a poll read a PID file its writer had created but not
/// yet filled, and deleted it, leaving a silo `rtl stop` could not find.
/// </summary>
public sealed class PidFileTests : IDisposable
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("rtl-pid-").FullName;

    public void Dispose() => Directory.Delete(dataDir, recursive: true);

    [Fact]
    public void A_pid_file_that_cannot_be_read_is_left_where_it_is()
    {
        var empty = SiloProcesses.PidFile(dataDir, 11111);
        var garbled = SiloProcesses.PidFile(dataDir, 11112);
        File.WriteAllText(empty, "");
        File.WriteAllText(garbled, "12a");

        Assert.Empty(SiloProcesses.Running(dataDir));

        Assert.True(File.Exists(empty));
        Assert.True(File.Exists(garbled));
    }

    [Fact]
    public void A_live_process_is_listed_and_a_dead_ones_file_removed()
    {
        var live = SiloProcesses.PidFile(dataDir, 11111);
        var dead = SiloProcesses.PidFile(dataDir, 11112);
        SiloProcesses.WritePidFile(live, Environment.ProcessId);
        SiloProcesses.WritePidFile(dead, DeadPid());

        Assert.Equal([(11111, Environment.ProcessId)], SiloProcesses.Running(dataDir));

        Assert.True(File.Exists(live));
        Assert.False(File.Exists(dead));
    }

    [Fact]
    public async Task A_reader_never_sees_a_pid_file_half_written()
    {
        var file = SiloProcesses.PidFile(dataDir, 11111);
        SiloProcesses.WritePidFile(file, 1);
        using var stop = new CancellationTokenSource();
        var reads = 0;
        var bad = new List<string>();
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var text = File.ReadAllText(file);
                Interlocked.Increment(ref reads);
                reading.TrySetResult();
                if (!int.TryParse(text, out _))
                {
                    bad.Add(text);
                }
            }
        });

        // On a loaded machine the reader may start late: write until it has read while writes were going on.
        await reading.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var deadline = DateTime.UtcNow.AddMinutes(2);
        for (var i = 0; i < 5_000 || (Volatile.Read(ref reads) < 1_000 && DateTime.UtcNow < deadline); i++)
        {
            SiloProcesses.WritePidFile(file, 100_000 + i);
        }

        await stop.CancelAsync();
        await reader;
        Assert.True(reads >= 1_000, $"only {reads} reads during the writes");
        Assert.Empty(bad);
        Assert.Single(Directory.GetFiles(dataDir));
    }

    /// <summary>The pid of a process that has exited (and been reaped).</summary>
    private static int DeadPid()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }
}
