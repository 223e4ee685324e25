using System.CommandLine;
using System.Runtime.InteropServices;
using Rtl.Grains.Hosting;
using Rtl.Silo.Demo;
using Rtl.Silo.Output;
using Rtl.Silo.Web;

namespace Rtl.Silo.Cli;

/// <summary>
/// <c>rtl demo</c>: writes a synthetic Spark-metrics data set, runs the seed's dev.py pipeline on a silo
/// started here, prints its progress, result and plots, and keeps the jobs page up until Ctrl-C (with
/// <c>--no-wait</c> it exits instead, and prints no URL: the pages close with it; the plots stay on disk).
/// </summary>
public static class DemoCommand
{
    public static async Task<int> Demo(ParseResult line, RtlOptions options)
    {
        var demo = DemoRun.Options(options);
        var data = DemoRun.WriteData(demo, out var table);
        Console.WriteLine($"Wrote {table.RowCount:N0} rows × {table.ColumnCount} columns of synthetic Spark job metrics: {data} (+ .meta)");

        using var silo = await DemoRun.StartSilo(demo);
        var url = DemoRun.WebUrl(silo);
        var result = await ProgressDisplay.Run(progress => DemoRun.Run(silo, progress, demo.JobTimeout));
        ResultPrinter.Print(result, Console.Out);
        var plots = result.Files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)).ToArray();
        if (!result.Succeeded)
        {
            Console.Error.WriteLine($"rtl: {result.Error}");
        }

        Console.WriteLine($"Plots: {plots.Length} PNG file(s) in {(plots.Length > 0 ? Path.GetDirectoryName(plots[0]) : "-")}");
        if (line.GetValue(CliOptions.NoWait))
        {
            // The web app ends with this process: a URL printed now would be dead when the user opens it.
            Console.WriteLine("No jobs page: it closes with the demo (run `rtl demo` without --no-wait to browse it).");
        }
        else
        {
            Console.WriteLine($"Jobs page: {url}/jobs/{result.JobId}");
            Console.WriteLine(WebHosting.Describe(silo.Services, demo));
            Console.WriteLine("The silo stays up so you can look; press Ctrl-C to stop.");
            await UntilStopped();
        }

        await silo.StopAsync(TimeSpan.FromSeconds(10));
        return result.Succeeded ? 0 : 1;
    }

    private static async Task UntilStopped()
    {
        var stopped = new TaskCompletionSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => (c.Cancel, _) = (true, stopped.TrySetResult()));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => (c.Cancel, _) = (true, stopped.TrySetResult()));
        await stopped.Task;
    }
}
