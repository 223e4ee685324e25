using Rtl.Silo.Cli;
using Xunit;

namespace Rtl.IntegrationTests.Processes;

/// <summary>
/// <c>rtl restart</c> with two silos in one data dir: it once stopped both and started one, on the default ports.
/// </summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("rtl-restart-").FullName;
    private readonly string files = Directory.CreateTempSubdirectory("rtl-restart-files-").FullName;
    private readonly Dictionary<int, int> gateways = [];

    public async Task InitializeAsync()
    {
        for (var i = 0; i < 2; i++)
        {
            var (silo, gateway) = (FreePorts.Next(), FreePorts.Next());
            var started = await Rtl("start", "--silo-port", silo.ToString(), "--gateway-port", gateway.ToString(),
                "--web-port", FreePorts.Next().ToString(), "--files-root", files);
            Assert.True(started.ExitCode == 0, started.ToString());
            gateways[silo] = gateway;
        }
    }

    public async Task DisposeAsync()
    {
        var stopped = await Rtl("stop");
        Assert.True(stopped.ExitCode == 0, stopped.ToString());
        Directory.Delete(files, recursive: true);
        Directory.Delete(dataDir, recursive: true);
    }

    [Fact]
    public async Task Restart_restarts_every_silo_of_the_data_dir_each_on_its_own_ports()
    {
        var before = Pids();

        var restart = await Rtl("restart");

        Assert.True(restart.ExitCode == 0, restart.ToString());
        var after = Pids();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, silo => Assert.NotEqual(silo.Value, after[silo.Key]));
        foreach (var (silo, gateway) in gateways)
        {
            Assert.Contains($"Stopped silo on port {silo} (pid {before[silo]}).", restart.Stdout);
            Assert.Contains($"Started silo on port {silo} (pid {after[silo]}); gateway port {gateway};", restart.Stdout);
        }

        var status = await Rtl("status");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("2 active silo(s)", status.Stdout);
    }

    [Fact]
    public async Task A_port_for_several_silos_is_a_usage_error_that_restarts_none()
    {
        var before = Pids();

        var refused = await Rtl("restart", "--gateway-port", FreePorts.Next().ToString());

        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains("--gateway-port would give 2 silos one port: name the silo to restart with --silo-port", refused.Stderr);
        Assert.Equal(before, Pids());
    }

    [Fact]
    public async Task Restart_with_a_silo_port_restarts_that_silo_only()
    {
        var before = Pids();
        var (chosen, other) = (before.Keys.Min(), before.Keys.Max());

        var restart = await Rtl("restart", "--silo-port", chosen.ToString());

        Assert.True(restart.ExitCode == 0, restart.ToString());
        var after = Pids();
        Assert.NotEqual(before[chosen], after[chosen]);
        Assert.Equal(before[other], after[other]);
        Assert.Contains($"Started silo on port {chosen} (pid {after[chosen]}); gateway port {gateways[chosen]};", restart.Stdout);
        Assert.DoesNotContain($"port {other}", restart.Stdout);
    }

    private Dictionary<int, int> Pids() => SiloProcesses.Running(dataDir).ToDictionary(s => s.Port, s => s.Pid);

    private Task<RtlProcess.Outcome> Rtl(params string[] args) =>
        RtlProcess.Run(files, TimeSpan.FromMinutes(3), [.. args, "--data-dir", dataDir]);
}
