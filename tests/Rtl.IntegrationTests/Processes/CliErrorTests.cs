using Xunit;

namespace Rtl.IntegrationTests.Processes;

/// <summary>
/// <c>rtl</c> fails with one line <c>rtl: &lt;message&gt;</c> and exit 1, never a .NET crash (exit 134 with a
/// stack trace), whatever goes wrong; <c>--debug</c> adds the stack trace.
/// </summary>
public sealed class CliErrorTests(RealSilos silos) : IClassFixture<RealSilos>
{
    private const string StackFrame = "   at ";

    [Fact]
    public async Task A_job_whose_stored_result_is_cut_short_fails_with_the_blob_named_not_a_crash()
    {
        // What a user saw when a result could not be read on the silo: the silo's FileFormatException reached
        // the CLI as CodecNotFoundException, which nothing caught (exit 134).
        await File.WriteAllTextAsync(Path.Combine(silos.Files, "in.csv"), "a\n1\n2\n");
        await File.WriteAllTextAsync(Path.Combine(silos.Files, "p.json"), """{"stages": [{"tasks": [{"task": "null"}]}]}""");
        var submitted = await silos.Rtl("submit", Path.Combine(silos.Files, "p.json"), "--input", Path.Combine(silos.Files, "in.csv"), "--wait");
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        var id = Guid.Parse(submitted.Stdout.Split('\n')[0].Trim());
        var stored = Path.Combine(silos.DataDir, "jobs", id.ToString("N"), "result.npy");
        File.WriteAllBytes(stored, File.ReadAllBytes(stored)[..100]); // the header, not the rows

        var job = await silos.Rtl("job", id.ToString(), "--output", Path.Combine(silos.Files, "out.csv"));

        Assert.True(job.ExitCode == 1, job.ToString());
        Assert.StartsWith("rtl: ", job.Stderr);
        Assert.True(job.Stderr.Contains($"job {id} result.npy: ended early"), job.ToString());
        Assert.DoesNotContain(StackFrame, job.Stderr);
    }

    [Fact]
    public async Task Submit_of_an_invalid_pipeline_is_refused_before_an_id_is_printed_like_run()
    {
        await File.WriteAllTextAsync(Path.Combine(silos.Files, "bad.json"), """{"stages": [{"tasks": [{"task": "task_ad"}]}]}""");

        var submit = await silos.Rtl("submit", Path.Combine(silos.Files, "bad.json"));
        var run = await silos.Rtl("run", Path.Combine(silos.Files, "bad.json"));

        Assert.True(submit.ExitCode == 1, submit.ToString());
        Assert.Equal("", submit.Stdout.Trim()); // no job id
        Assert.StartsWith("rtl: stage 0: unknown task 'task_ad'", submit.Stderr);
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("rtl: stage 0: unknown task 'task_ad'", run.Stderr);
    }

    [Fact]
    public async Task Pipeline_show_of_an_unknown_name_writes_its_error_to_stderr()
    {
        var show = await silos.Rtl("pipeline", "show", "nosuch");

        Assert.Equal(1, show.ExitCode);
        Assert.Equal("", show.Stdout.Trim());
        Assert.Equal("rtl: no pipeline named 'nosuch'", show.Stderr.Trim());
    }

    [Fact]
    public async Task An_unexpected_error_is_one_line_with_its_message_and_exit_1()
    {
        var dataDir = CorruptDataDir();

        var job = await RtlProcess.Run(dataDir, RealSilos.Command, "job", Guid.NewGuid().ToString(), "--embedded", "--data-dir", dataDir);

        Assert.True(job.ExitCode == 1, job.ToString());
        var line = Assert.Single(job.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("rtl: ", line);
        Assert.Contains("file is not a database", line);
        Directory.Delete(dataDir, recursive: true);
    }

    [Fact]
    public async Task With_debug_an_unexpected_error_also_prints_its_stack_trace()
    {
        var dataDir = CorruptDataDir();

        var job = await RtlProcess.Run(dataDir, RealSilos.Command, "job", Guid.NewGuid().ToString(), "--embedded", "--debug", "--data-dir", dataDir);

        Assert.True(job.ExitCode == 1, job.ToString());
        Assert.StartsWith("rtl: ", job.Stderr);
        Assert.Contains("file is not a database", job.Stderr);
        Assert.Contains(StackFrame, job.Stderr);
        Directory.Delete(dataDir, recursive: true);
    }

    /// <summary>A data dir whose rtl.db is not SQLite: the embedded silo's schema step throws SqliteException.</summary>
    private static string CorruptDataDir()
    {
        var dataDir = Directory.CreateTempSubdirectory("rtl-corrupt-").FullName;
        File.WriteAllText(Path.Combine(dataDir, "rtl.db"), "not a database: " + new string('x', 200));
        return dataDir;
    }
}
