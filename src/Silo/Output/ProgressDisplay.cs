using Rtl.Client;
using Rtl.Jobs;

namespace Rtl.Silo.Output;

/// <summary>
/// Picks how a run's progress is shown: a live table on a terminal, the seed's plain lines
/// (<c>Running: add</c>, <c>Completed: 0.18 ms add</c>) when output is piped, as scripts and tests read it.
/// </summary>
public static class ProgressDisplay
{
    public static bool IsLive => !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb");

    public static async Task<JobResult> Run(Func<JobProgress, Task<JobResult>> run)
    {
        if (IsLive)
        {
            var live = new LiveProgress();
            return await live.Show(() => run(live));
        }

        return await RunPlain(Console.Out, run);
    }

    /// <summary>The seed's plain lines on <paramref name="output"/>, as a piped <c>rtl run</c> prints them.</summary>
    public static Task<JobResult> RunPlain(TextWriter output, Func<JobProgress, Task<JobResult>> run) =>
        run(new ConsoleProgress(output));
}
