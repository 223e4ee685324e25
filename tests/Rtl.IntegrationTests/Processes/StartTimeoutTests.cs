using Microsoft.Data.Sqlite;
using Xunit;

namespace Rtl.IntegrationTests.Processes;

/// <summary><c>rtl start</c> either leaves a running silo with its PID file, or stops what it started and says why.</summary>
public sealed class StartTimeoutTests : IDisposable
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("rtl-start-").FullName;

    [Fact]
    public async Task A_silo_that_cannot_come_up_in_time_is_stopped_and_reported_with_its_log()
    {
        // The silo cannot come up while its database is locked: it waits on SQLite's busy timeout, far past 1 s.
        await using var holder = new SqliteConnection($"Data Source={Path.Combine(dataDir, "rtl.db")}");
        await holder.OpenAsync();
        await using (var exclusive = holder.CreateCommand())
        {
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            await exclusive.ExecuteNonQueryAsync();
        }

        var start = await Rtl("start", "--start-timeout", "1", "--silo-port", FreePorts.Next().ToString(),
            "--gateway-port", FreePorts.Next().ToString(), "--web-port", "0");

        Assert.True(start.ExitCode == 1, start.ToString());
        Assert.Contains("did not come up within 1 s (--start-timeout)", start.Stderr);
        Assert.Contains("Last lines of ", start.Stderr);
        var pid = ProcessState.PidIn(start.Stderr);
        Assert.False(ProcessState.IsRunning(pid), $"rtl start left the silo (pid {pid}) running");
        Assert.Empty(ProcessState.RunningWith(dataDir));
        Assert.Empty(Directory.GetFiles(dataDir, "silo-*.pid"));
    }

    [Fact]
    public async Task A_started_silo_has_its_pid_file_and_rtl_stop_stops_it()
    {
        var siloPort = FreePorts.Next();
        var start = await Rtl("start", "--silo-port", siloPort.ToString(), "--gateway-port", FreePorts.Next().ToString(), "--web-port", "0");
        Assert.True(start.ExitCode == 0, start.ToString());
        var pid = ProcessState.PidIn(start.Stdout);
        try
        {
            Assert.True(ProcessState.IsRunning(pid), $"the started silo (pid {pid}) is not running");
            Assert.Equal(pid.ToString(), File.ReadAllText(Path.Combine(dataDir, $"silo-{siloPort}.pid")).Trim());
        }
        finally
        {
            var stop = await Rtl("stop");
            Assert.True(stop.ExitCode == 0, stop.ToString());
            Assert.Contains($"(pid {pid})", stop.Stdout);
        }

        Assert.False(ProcessState.IsRunning(pid), $"rtl stop left the silo (pid {pid}) running");
        Assert.Empty(Directory.GetFiles(dataDir, "silo-*.pid"));
    }

    [Fact]
    public async Task A_start_timeout_that_is_not_a_positive_number_is_a_usage_error()
    {
        var start = await Rtl("start", "--start-timeout", "0");
        Assert.Equal(2, start.ExitCode);
        Assert.Contains("--start-timeout expects a positive number of seconds, got '0'", start.Stderr);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }

    private Task<RtlProcess.Outcome> Rtl(params string[] args) => HeldPorts.Rtl(dataDir, args);
}
