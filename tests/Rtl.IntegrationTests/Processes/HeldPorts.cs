using Xunit;

namespace Rtl.IntegrationTests.Processes;

/// <summary>One real silo started with <c>rtl start</c> in a data dir of its own: the ports other silos must not share.</summary>
public sealed class HeldPorts : IAsyncLifetime
{
    public static readonly TimeSpan Command = TimeSpan.FromMinutes(3);

    public string DataDir { get; } = Directory.CreateTempSubdirectory("rtl-held-").FullName;

    public int SiloPort { get; } = FreePorts.Next();

    public int GatewayPort { get; } = FreePorts.Next();

    public int WebPort { get; } = FreePorts.Next();

    public int Pid { get; private set; }

    public async Task InitializeAsync()
    {
        var started = await Rtl(DataDir, "start", "--silo-port", SiloPort.ToString(), "--gateway-port", GatewayPort.ToString(),
            "--web-port", WebPort.ToString());
        Assert.True(started.ExitCode == 0, started.ToString());
        Pid = ProcessState.PidIn(started.Stdout);
        // The pid rtl start reports is the silo itself, and the orphan search used by the tests finds it.
        Assert.Contains(ProcessState.RunningWith(DataDir), p => p.StartsWith($"pid {Pid}: ", StringComparison.Ordinal) && p.Contains(" silo "));
    }

    public async Task DisposeAsync()
    {
        var stopped = await Rtl(DataDir, "stop");
        Assert.True(stopped.ExitCode == 0, stopped.ToString());
        Assert.False(ProcessState.IsRunning(Pid), $"the held silo (pid {Pid}) still runs after rtl stop");
        Directory.Delete(DataDir, recursive: true);
    }

    public static Task<RtlProcess.Outcome> Rtl(string dataDir, params string[] args) =>
        RtlProcess.Run(dataDir, Command, [.. args, "--data-dir", dataDir]);
}
