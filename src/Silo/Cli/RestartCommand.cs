using System.CommandLine;
using System.CommandLine.Parsing;
using Rtl.Grains.Hosting;

namespace Rtl.Silo.Cli;

/// <summary>
/// <c>rtl restart</c>: every silo <c>rtl stop</c> would stop (those with a PID file in the data dir), or only the
/// one <c>--silo-port</c> names. Each is stopped and started again with the flags it ran with, plus those given
/// here, one silo after another so the others keep serving; the first that does not come back ends the command
/// and the rest are left running. With no silo running it starts one, as <c>rtl start</c> does.
/// </summary>
public static class RestartCommand
{
    /// <summary>Ports a silo listens on alone: one value for several silos would clash.</summary>
    private static readonly Option[] OnePerSilo = [CliOptions.GatewayPort, CliOptions.WebPort, CliOptions.BulkPort];

    public static async Task<int> Restart(ParseResult line, RtlOptions options)
    {
        var running = SiloProcesses.Running(options.DataDir);
        if (line.GetResult(CliOptions.SiloPort) is not null)
        {
            running = running.Where(s => s.Port == options.SiloPort).ToArray();
        }

        if (running.Count == 0)
        {
            return await SiloCommands.Start(line, options);
        }

        if (running.Count > 1 && OnePerSilo.FirstOrDefault(p => line.GetResult(p) is not null) is { } shared)
        {
            throw new UsageException($"{shared.Name} would give {running.Count} silos one port: name the silo to restart with --silo-port");
        }

        foreach (var (port, pid) in running.OrderBy(s => s.Port))
        {
            // Read before stopping: the flags live in the process's command line only while it runs.
            var ranWith = SiloProcesses.SiloArguments(pid) ?? ["--silo-port", port.ToString()];
            var again = WithGiven(ranWith, line);
            await SiloCommands.StopOne(port, pid);
            var started = await SiloCommands.Start(again, OptionsLoader.Load(again));
            if (started != 0)
            {
                return started;
            }
        }

        return 0;
    }

    /// <summary>The flags a silo ran with, those given to <c>rtl restart</c> in place of their own: as restart parses them.</summary>
    public static ParseResult WithGiven(IReadOnlyList<string> ranWith, ParseResult line)
    {
        var given = Given(line).ToArray();
        var kept = Given(RtlCommand.Parse(["restart", .. ranWith])).Where(o => !given.Any(g => g.Option == o.Option));
        return RtlCommand.Parse(["restart", .. kept.Concat(given).SelectMany(o => o.Arguments)]);
    }

    /// <summary>Each option given on <paramref name="line"/>, spelled as arguments again: <c>--name value</c>, <c>--flag</c>.</summary>
    private static IEnumerable<(Option Option, string[] Arguments)> Given(ParseResult line) =>
        new[] { line.RootCommandResult, line.CommandResult }.Distinct()
            .SelectMany(command => command.Children.OfType<OptionResult>())
            .Where(o => o is { Implicit: false, IdentifierToken: not null })
            .Select(o => (o.Option, o.Tokens.Count == 0
                ? new[] { o.IdentifierToken!.Value }
                : o.Tokens.SelectMany(t => new[] { o.IdentifierToken!.Value, t.Value }).ToArray()));
}
