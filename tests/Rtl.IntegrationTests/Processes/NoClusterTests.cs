using Xunit;

namespace Rtl.IntegrationTests.Processes;

/// <summary>The CLI when nothing is running: clear words and the documented exit codes.</summary>
public sealed class NoClusterTests : IDisposable
{
    private static readonly TimeSpan Command = TimeSpan.FromMinutes(1);
    private readonly string dataDir = Directory.CreateTempSubdirectory("rtl-nocluster-").FullName;

    [Fact]
    public async Task Status_exits_3_when_no_silo_is_running()
    {
        var status = await Rtl("status");
        Assert.Equal(3, status.ExitCode);
        Assert.Contains("No silo is running", status.Stdout);
        Assert.Contains("rtl start", status.Stdout);
    }

    [Fact]
    public async Task Run_without_a_cluster_says_how_to_start_one()
    {
        var pipeline = Path.Combine(dataDir, "p.json");
        await File.WriteAllTextAsync(pipeline, """{"0": {"tasks": {"task_null": {}}}}""");
        var run = await Rtl("run", pipeline);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no Rtl silo is running", run.Stderr);
        Assert.Contains("rtl start", run.Stderr);
        Assert.Contains("--embedded", run.Stderr);
    }

    [Fact]
    public async Task A_mistyped_command_or_option_exits_2_naming_it()
    {
        var verb = await Rtl("strat");
        Assert.Equal(2, verb.ExitCode);
        Assert.Contains("unknown command 'strat'", verb.Stderr);
        var option = await Rtl("status", "--silo-prot", "1");
        Assert.Equal(2, option.ExitCode);
        Assert.Contains("--silo-prot", option.Stderr);
    }

    [Fact]
    public async Task Stop_with_nothing_running_says_so_and_succeeds()
    {
        var stop = await Rtl("stop");
        Assert.Equal(0, stop.ExitCode);
        Assert.Contains("No silo is running", stop.Stdout);
    }

    [Fact]
    public async Task Starting_a_silo_on_a_port_already_running_is_an_error()
    {
        string[] ports = ["--silo-port", FreePorts.Next().ToString(), "--gateway-port", FreePorts.Next().ToString(), "--web-port", "0"];
        var first = await Rtl(["start", .. ports]);
        try
        {
            Assert.True(first.ExitCode == 0, first.ToString());
            var second = await Rtl(["start", .. ports]);
            Assert.Equal(1, second.ExitCode);
            Assert.Contains("already running", second.Stderr);
        }
        finally
        {
            await Rtl("stop");
        }
    }

    public void Dispose() => Directory.Delete(dataDir, recursive: true);

    private Task<RtlProcess.Outcome> Rtl(params string[] args) =>
        RtlProcess.Run(dataDir, Command, [.. args, "--data-dir", dataDir]);
}
