using Rtl.Hosting;

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
    private static readonly string[] OnePerSilo = ["gateway-port", "web-port"];

    public static async Task<int> Restart(CommandLine line, RtlOptions options)
    {
        line.RejectUnknown();
        var running = SiloProcesses.Running(options.DataDir);
        if (line.Option("silo-port") is not null)
        {
            running = running.Where(s => s.Port == options.SiloPort).ToArray();
        }

        if (running.Count == 0)
        {
            return await SiloCommands.Start(line, options);
        }

        if (running.Count > 1 && OnePerSilo.FirstOrDefault(p => line.Option(p) is not null) is { } shared)
        {
            throw new UsageException($"--{shared} would give {running.Count} silos one port: name the silo to restart with --silo-port");
        }

        foreach (var (port, pid) in running.OrderBy(s => s.Port))
        {
            // Read before stopping: the flags live in the process's command line only while it runs.
            var ranWith = SiloProcesses.SiloArguments(pid) ?? ["--silo-port", port.ToString()];
            var again = new CommandLine(["restart", .. ranWith, .. line.Arguments()]);
            await SiloCommands.StopOne(port, pid);
            var started = await SiloCommands.Start(again, OptionsLoader.Load(again));
            if (started != 0)
            {
                return started;
            }
        }

        return 0;
    }
}
