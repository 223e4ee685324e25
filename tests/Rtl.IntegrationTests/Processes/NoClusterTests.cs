using Xunit;

namespace Rtl.IntegrationTests.Processes;

/// <summary>
/// The CLI when nothing is running: clear words and the documented exit codes. What a newcomer types wrong gets its
/// own answer — exit 2 naming the token for a mistyped command line, "file not found" for a mistyped path — before
/// any cluster is asked.
/// </summary>
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

    [Fact]
    public async Task Version_prints_the_version_and_succeeds()
    {
        var version = await Rtl("--version");

        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.StartsWith("rtl ", version.Stdout);
        Assert.Contains(".NET", version.Stdout);
    }

    [Fact]
    public async Task Run_help_prints_the_run_verbs_own_help_with_every_option_it_takes()
    {
        var help = await Rtl("run", "--help");

        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("rtl run <PIPELINE.json|NAME> [options]", help.Stdout);
        foreach (var option in new[] { "--input", "--output", "--embedded", "--files-root", "--plugins-dir", "--storage", "--connection-string", "--tls-certificate", "--data-dir" })
        {
            Assert.Contains(option, help.Stdout);
        }

        Assert.DoesNotContain("rtl silo", help.Stdout); // not the global screen
    }

    [Fact]
    public async Task A_stray_positional_is_a_usage_error_naming_it()
    {
        var run = await Rtl("run", "ok.json", "in.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unexpected argument 'in.csv' for 'rtl run'", run.Stderr);
    }

    [Fact]
    public async Task A_short_flag_is_a_usage_error_naming_it()
    {
        var run = await Rtl("run", "ok.json", "-i", "in.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown option '-i'", run.Stderr);
    }

    [Fact]
    public async Task An_option_the_verb_does_not_take_is_a_usage_error_naming_it()
    {
        var submit = await Rtl("submit", "ok.json", "--output", "out.csv");

        Assert.Equal(2, submit.ExitCode);
        Assert.Contains("unknown option --output for 'rtl submit'", submit.Stderr);
    }

    [Fact]
    public async Task A_mistyped_pipeline_path_says_file_not_found_without_the_stored_pipelines_hint()
    {
        var run = await Rtl("run", "nosuch.json");
        var submit = await Rtl("submit", "pipelines/nosuch");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("rtl: file not found: nosuch.json", run.Stderr.Trim());
        Assert.Equal(1, submit.ExitCode);
        Assert.Equal("rtl: file not found: pipelines/nosuch", submit.Stderr.Trim());
    }

    [Fact]
    public async Task A_negative_count_is_a_usage_error()
    {
        var jobs = await Rtl("jobs", "--count", "-1");

        Assert.Equal(2, jobs.ExitCode);
        Assert.Contains("--count expects a positive number, got '-1'", jobs.Stderr);
    }

    public void Dispose() => Directory.Delete(dataDir, recursive: true);

    private Task<RtlProcess.Outcome> Rtl(params string[] args) =>
        RtlProcess.Run(dataDir, Command, [.. args, "--data-dir", dataDir]);
}
