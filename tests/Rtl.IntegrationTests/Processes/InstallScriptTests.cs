using System.Diagnostics;
using Xunit;

namespace Rtl.IntegrationTests.Processes;

/// <summary>
/// <c>deploy/install.sh</c> as a user on a Pi runs it (into temp paths instead of /opt and /var/lib): the release
/// copied and runnable, the unit written with this machine's paths and accepted by <c>systemd-analyze verify</c>.
/// </summary>
public sealed class InstallScriptTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("rtl-install-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Prefix => Path.Combine(root, "opt", "rtl");

    private string DataDir => Path.Combine(root, "var", "lib", "rtl");

    private string FilesRoot => Path.Combine(root, "srv", "rtl");

    private string UnitDir => Path.Combine(root, "units");

    [Fact]
    public async Task The_unit_it_installs_sets_the_files_root_the_working_directory_and_a_memory_cap()
    {
        var installed = await Install("--silo-args", $"--silo-port {FreePorts.Next()} --gateway-port {FreePorts.Next()} --web-port {FreePorts.Next()}");
        Assert.True(installed.ExitCode == 0, installed.ToString());

        var unit = Unit.Load(Path.Combine(UnitDir, "rtl.service"));
        Assert.DoesNotContain("@", unit.Text);
        Assert.Equal(FilesRoot, unit["WorkingDirectory"]);
        Assert.Equal("75%", unit["MemoryMax"]);
        Assert.StartsWith($"{Prefix}/rtl silo --data-dir {DataDir} --files-root {FilesRoot} ", unit["ExecStart"]);
        Assert.True(File.Exists(Path.Combine(Prefix, "rtl")));
        await VerifiedBySystemd(unit);

        Assert.Contains("Installed " + Prefix + " (rtl 0.1.0", installed.Stdout);
    }

    [Fact]
    public async Task Run_outside_a_release_it_says_where_to_run_it()
    {
        var script = Path.Combine(root, "deploy", "install.sh");
        Directory.CreateDirectory(Path.GetDirectoryName(script)!);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "deploy", "install.sh"), script);

        var outcome = await Sh(script, "--prefix", Prefix, "--unit-dir", UnitDir, "--no-start");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("no rtl executable in", outcome.Stderr);
        Assert.False(Directory.Exists(UnitDir));
    }

    [Fact]
    public async Task An_unknown_option_is_refused_with_the_usage()
    {
        var outcome = await Install("--prefx", "/tmp/x");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("unknown option '--prefx'", outcome.Stderr);
        Assert.Contains("usage: install.sh", outcome.Stderr);
    }

    private Task<RtlProcess.Outcome> Install(params string[] more) =>
        Sh(Path.Combine(AppContext.BaseDirectory, "deploy", "install.sh"),
            ["--prefix", Prefix, "--data-dir", DataDir, "--files-root", FilesRoot, "--unit-dir", UnitDir,
             "--user", Environment.UserName, "--no-start", .. more]);

    private static Task<RtlProcess.Outcome> Sh(string script, params string[] args)
    {
        var start = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return RtlProcess.Run(start, RealSilos.Command);
    }

    /// <summary><c>systemd-analyze verify</c> where it is installed: the unit's syntax and its ExecStart binary.</summary>
    private static async Task VerifiedBySystemd(Unit unit)
    {
        if (!File.Exists("/usr/bin/systemd-analyze"))
        {
            return;
        }

        var start = new ProcessStartInfo("systemd-analyze") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("verify");
        start.ArgumentList.Add(unit.Path);
        var verified = await RtlProcess.Run(start, RealSilos.Command);
        Assert.True(verified.ExitCode == 0, verified.ToString());
    }

    private sealed record Unit(string Text, string Path, IReadOnlyDictionary<string, string> Settings)
    {
        public string this[string key] => Settings.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no {key}= in:\n{Text}");

        public string? Find(string key) => Settings.GetValueOrDefault(key);

        public static Unit Load(string path) => Parse(path, File.ReadAllText(path));

        private static Unit Parse(string path, string text) => new(text, path, text.Split('\n')
            .Where(l => l.Contains('=') && !l.StartsWith('#'))
            .Select(l => (Key: l[..l.IndexOf('=')], Value: l[(l.IndexOf('=') + 1)..].Trim()))
            .GroupBy(kv => kv.Key)
            .ToDictionary(g => g.Key, g => g.Last().Value));
    }
}
