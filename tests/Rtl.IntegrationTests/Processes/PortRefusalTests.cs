using System.Net;
using Rtl.Silo.Hosting.Ports;
using Xunit;

namespace Rtl.IntegrationTests.Processes;

/// <summary>
/// One cluster per data dir: a silo from another data dir never shares a port a silo already listens on
/// (Orleans' listeners set SO_REUSEPORT on Linux, so the kernel alone would let both listen).
/// </summary>
public sealed class PortRefusalTests(HeldPorts held) : IClassFixture<HeldPorts>, IDisposable
{
    private readonly string otherDataDir = Directory.CreateTempSubdirectory("rtl-other-").FullName;

    [Fact]
    public async Task A_silo_from_another_data_dir_on_a_held_gateway_port_is_refused_naming_the_port_and_the_holder()
    {
        var refused = await Rtl("silo", "--silo-port", FreePorts.Next().ToString(), "--gateway-port", held.GatewayPort.ToString(), "--web-port", "0");

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains($"rtl: gateway port {held.GatewayPort} ", refused.Stderr);
        Assert.Contains($"in use by pid {held.Pid} ", refused.Stderr);
        Assert.Empty(Directory.GetFiles(otherDataDir, "silo-*.pid"));
        Assert.Empty(ProcessState.RunningWith(otherDataDir));
        Assert.True(ProcessState.IsRunning(held.Pid), "the holding silo should be untouched");
    }

    [Fact]
    public async Task Rtl_start_on_a_held_silo_port_fails_at_once_with_the_silos_message_and_leaves_nothing_running()
    {
        var refused = await Rtl("start", "--silo-port", held.SiloPort.ToString(), "--gateway-port", FreePorts.Next().ToString(), "--web-port", "0");

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("exited before it came up", refused.Stderr);
        Assert.Contains($"rtl: silo port {held.SiloPort} ", refused.Stderr);
        Assert.Contains($"in use by pid {held.Pid} ", refused.Stderr);
        var refusedPid = ProcessState.PidIn(refused.Stderr);
        Assert.NotEqual(held.Pid, refusedPid);
        Assert.False(ProcessState.IsRunning(refusedPid), $"the refused silo (pid {refusedPid}) still runs");
        Assert.Empty(ProcessState.RunningWith(otherDataDir));
        Assert.Empty(Directory.GetFiles(otherDataDir, "silo-*.pid"));
    }

    [Fact]
    public async Task An_explicitly_given_web_port_that_is_held_is_refused_instead_of_moving_on()
    {
        var refused = await Rtl("silo", "--silo-port", FreePorts.Next().ToString(), "--gateway-port", FreePorts.Next().ToString(),
            "--web-port", held.WebPort.ToString());

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains($"rtl: web port {held.WebPort} ", refused.Stderr);
        Assert.Contains($"in use by pid {held.Pid} ", refused.Stderr);
        Assert.Contains("--web-port", refused.Stderr);
    }

    [Fact]
    public async Task A_web_port_given_in_the_data_dirs_config_that_is_held_is_refused_too()
    {
        await File.WriteAllTextAsync(Path.Combine(otherDataDir, "appsettings.json"), $$"""{ "WebPort": {{held.WebPort}} }""");

        var refused = await Rtl("silo", "--silo-port", FreePorts.Next().ToString(), "--gateway-port", FreePorts.Next().ToString());

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains($"rtl: web port {held.WebPort} ", refused.Stderr);
        Assert.Contains($"in use by pid {held.Pid} ", refused.Stderr);
    }

    [Fact]
    public void A_listener_that_shares_a_silos_gateway_port_the_way_Orleans_binds_is_caught_by_the_after_start_check()
    {
        // What two silos starting at the same moment would do: both pass the check before binding, then share.
        var gateway = new IPEndPoint(IPAddress.Loopback, held.GatewayPort);
        using (var sharing = OrleansStyleListener.Listen(gateway))
        {
            var refused = Assert.Throws<PortInUseException>(() => ExclusivePorts.EnsureSole(gateway, "gateway", "gateway-port"));

            Assert.Contains($"gateway port {held.GatewayPort} ", refused.Message);
            Assert.Contains($"in use by pid {held.Pid} ", refused.Message);
        }

        Assert.True(ProcessState.IsRunning(held.Pid), "the holding silo should be untouched");
    }

    public void Dispose() => Directory.Delete(otherDataDir, recursive: true);

    private Task<RtlProcess.Outcome> Rtl(params string[] args) => HeldPorts.Rtl(otherDataDir, args);
}
