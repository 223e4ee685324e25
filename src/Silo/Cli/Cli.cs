using System.CommandLine;

namespace Rtl.Silo.Cli;

/// <summary>The <c>rtl</c> command: parses with <see cref="RtlCommand"/> and turns every failure into a message and an exit code.</summary>
public static class Cli
{
    public const int UsageError = 2;

    // Errors reach the catch below, not System.CommandLine's printer; SIGTERM and Ctrl-C stay the silo's and the demo's own.
    private static readonly InvocationConfiguration Invocation = new() { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };

    public static async Task<int> Main(string[] args)
    {
        // Read before parsing, so even a failure to parse the options is reported as --debug asks.
        var debug = args.Contains("--debug");
        CliErrors.ReportUnhandled(debug);
        var line = RtlCommand.Parse(args);
        try
        {
            if (UsageErrors.Describe(line) is { } usage)
            {
                return Refuse(usage, line);
            }

            return await line.InvokeAsync(Invocation);
        }
        catch (UsageException e)
        {
            return Refuse(e.Message, line);
        }
        catch (Exception e)
        {
            return CliErrors.Report(e, debug);
        }
    }

    private static int Refuse(string message, ParseResult line)
    {
        Console.Error.WriteLine($"rtl: {message} (see `{UsageErrors.Path(line)} --help`)");
        return UsageError;
    }
}
