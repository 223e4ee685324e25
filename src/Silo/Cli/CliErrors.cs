using Rtl.Client;
using Rtl.Grains.Formats;
using Rtl.Pipelines;

namespace Rtl.Silo.Cli;

/// <summary>
/// How <c>rtl</c> reports a failure: one line <c>rtl: &lt;message&gt;</c> on stderr and exit 1, never a .NET
/// crash (exit 134 and a stack trace). <c>--debug</c> adds the stack trace.
/// </summary>
public static class CliErrors
{
    public const int Failed = 1;

    /// <summary>
    /// An exception on a thread nobody awaits would still abort the process: report it the same way and exit 1.
    /// </summary>
    public static void ReportUnhandled(bool debug) =>
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            Report(e.ExceptionObject as Exception ?? new InvalidOperationException($"unhandled {e.ExceptionObject}"), debug);
            Environment.Exit(Failed);
        };

    /// <summary>Prints <paramref name="error"/> for a user and returns the exit code.</summary>
    public static int Report(Exception error, bool debug)
    {
        var shown = Unwrap(error);
        // The errors Rtl words for users speak for themselves; anything else also says what it was.
        var hint = Expected(shown) ? "" : $" ({shown.GetType().Name}{(debug ? "" : "; --debug prints where")})";
        Console.Error.WriteLine($"rtl: {shown.Message}{hint}");
        if (debug)
        {
            Console.Error.WriteLine(error);
        }

        return Failed;
    }

    private static bool Expected(Exception error) =>
        error is RtlJobException or RtlConnectionException or PipelineFormatException or PinnedSiloUnavailableException or FileFormatException
            or IOException or UnauthorizedAccessException or ArgumentException;

    private static Exception Unwrap(Exception error) =>
        error is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : error;
}
