using System.Diagnostics;
using Rtl.IntegrationTests.Processes;
using Xunit;

namespace Rtl.IntegrationTests.Web;

/// <summary>The real <c>rtl</c> program, piped as a script would run it.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("rtl-demo-cli-").FullName;

    [Fact]
    public async Task Rtl_demo_no_wait_prints_the_seed_progress_lines_the_result_and_five_png_paths_and_no_dead_url()
    {
        var run = await Run(new Dictionary<string, string>(), "demo", "--no-wait", "--data-dir", dataDir, "--web-port", "0");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Contains(lines, l => l.StartsWith("Wrote 51,461 rows × 27 columns of synthetic Spark job metrics", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Running: 0 - ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Running: 1 - ", StringComparison.Ordinal));
        foreach (var task in new[] { "open_array", "filter", "add", "divide", "normalize", "subtract", "average", "simple_plot" })
        {
            Assert.Contains($"Running: {task}", lines);
            Assert.Contains(lines, l => l.StartsWith("Completed: ", StringComparison.Ordinal) && l.EndsWith($" ms {task}", StringComparison.Ordinal));
        }

        Assert.Contains(lines, l => l.StartsWith("Total Elapsed Time: ", StringComparison.Ordinal));
        var pngs = lines.Where(l => l.StartsWith("Wrote: ", StringComparison.Ordinal) && l.EndsWith(".png", StringComparison.Ordinal))
            .Select(l => l["Wrote: ".Length..]).ToArray();
        Assert.Equal(5, pngs.Length);
        Assert.All(pngs, png => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png)[..4]));
        Assert.Contains(lines, l => l.StartsWith("array([(0, 22, ", StringComparison.Ordinal));
        // The web app ends with the process: what is printed is where the plots are on disk, and no URL.
        Assert.Contains($"Plots: 5 PNG file(s) in {Path.GetDirectoryName(pngs[0])}", lines);
        Assert.DoesNotContain("http://", run.Stdout);
        Assert.Contains(lines, l => l.StartsWith("No jobs page: it closes with the demo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_any_font_a_plot_fails_the_job_with_what_to_install()
    {
        // fontconfig with no font directories: what a minimal Pi image without fonts looks like to Skia.
        var config = Path.Combine(dataDir, "fonts.conf");
        await File.WriteAllTextAsync(config, """<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig></fontconfig>""");
        var pipeline = Path.Combine(dataDir, "plot.json");
        await File.WriteAllTextAsync(pipeline, """{"stages": [{"tasks": [{"task": "simple_plot", "plots": {"p": [{"x": "x", "y": "x"}]}}]}]}""");
        var input = Path.Combine(dataDir, "input.csv");
        await File.WriteAllTextAsync(input, "x\n1\n2\n3\n");

        var run = await Run(new Dictionary<string, string> { ["FONTCONFIG_FILE"] = config },
            "run", pipeline, "--input", input, "--embedded", "--data-dir", dataDir);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("stage 0, task 'simple_plot': no font is installed to draw the plot's title and axes", run.Stderr);
        Assert.Contains("fonts-dejavu-core", run.Stderr);
    }

    private static async Task<RtlProcess.Outcome> Run(Dictionary<string, string> environment, params string[] args)
    {
        var start = RtlProcess.StartInfo(Directory.GetCurrentDirectory(), args);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"rtl {string.Join(' ', args)} did not finish within 2 minutes");
        }

        return new RtlProcess.Outcome(process.ExitCode, await stdout, await stderr);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // a silo's files may linger a moment; a temp dir left behind is harmless
        }
    }
}
