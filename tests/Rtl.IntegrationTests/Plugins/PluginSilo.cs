using Rtl.IntegrationTests.Processes;
using Xunit;

namespace Rtl.IntegrationTests.Plugins;

/// <summary>
/// A real <c>rtl start</c> silo whose data dir's <c>plugins/</c> holds the published sample plugin and a
/// broken one (a file that is no assembly), which must not keep the silo from starting.
/// </summary>
public sealed class PluginSilo : IAsyncLifetime
{
    private readonly string work = Path.Combine(Path.GetTempPath(), "rtl-plugin-silo-" + Guid.NewGuid().ToString("N"));

    public string DataDir => Path.Combine(work, "data");

    public string Files => Path.Combine(work, "files");

    public string PluginsDir => Path.Combine(DataDir, "plugins");

    public string BrokenPlugin => Path.Combine(PluginsDir, "Broken.dll");

    public int SiloPort { get; } = FreePorts.Next();

    public string Log => Path.Combine(DataDir, $"silo-{SiloPort}.log");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Files);
        await SamplePlugin.Publish(Path.Combine(PluginsDir, SamplePlugin.Name), Path.Combine(work, "build"));
        await File.WriteAllTextAsync(BrokenPlugin, "not an assembly");
        var started = await Rtl("start", "--silo-port", SiloPort.ToString(), "--gateway-port", FreePorts.Next().ToString(),
            "--web-port", FreePorts.Next().ToString(), "--files-root", Files);
        Assert.True(started.ExitCode == 0, started.ToString());
    }

    public async Task DisposeAsync()
    {
        var stopped = await Rtl("stop");
        Assert.True(stopped.ExitCode == 0, stopped.ToString());
        Directory.Delete(work, recursive: true);
    }

    public Task<RtlProcess.Outcome> Rtl(params string[] args) =>
        RtlProcess.Run(Files, RealSilos.Command, [.. args, "--data-dir", DataDir]);
}
