using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Rtl.Grains.Hosting;

namespace Rtl.Silo.Cli;

/// <summary>
/// A silo <c>rtl start</c> launched: its pid (written to the PID file at once, so <c>rtl stop</c> always
/// reaches it), its log, and what the log has said since the launch.
/// </summary>
public sealed class BackgroundSilo
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    private readonly long logStart;

    private BackgroundSilo(int pid, string log, long logStart)
    {
        Pid = pid;
        Log = log;
        this.logStart = logStart;
    }

    public enum Outcome
    {
        Up,
        Exited,
        TimedOut,
    }

    public int Pid { get; }

    public string Log { get; }

    public static async Task<BackgroundSilo> Launch(ParseResult line, RtlOptions options)
    {
        var log = SiloProcesses.LogFile(options.DataDir, options.SiloPort);
        var logStart = File.Exists(log) ? new FileInfo(log).Length : 0;
        using var shell = Process.Start(BackgroundSiloCommand.For(line, options, log))!;
        var printed = await shell.StandardOutput.ReadToEndAsync();
        await shell.WaitForExitAsync();
        if (!int.TryParse(printed.Trim(), CultureInfo.InvariantCulture, out var pid) || pid <= 0)
        {
            throw new IOException($"rtl start: the shell that launches the silo printed '{printed.Trim()}' instead of its pid (exit {shell.ExitCode})");
        }

        // The silo writes the same file as it starts; writing it here too closes the gap before it does.
        SiloProcesses.WritePidFile(SiloProcesses.PidFile(options.DataDir, options.SiloPort), pid);
        return new BackgroundSilo(pid, log, logStart);
    }

    /// <summary>Waits until the silo logs that it is up, exits, or <paramref name="timeout"/> passes.</summary>
    public async Task<Outcome> WaitUntilUp(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (Added().Any(l => l.StartsWith(SiloCommands.UpLine, StringComparison.Ordinal)))
            {
                return Outcome.Up;
            }

            if (!SiloProcesses.IsAlive(Pid))
            {
                return Outcome.Exited;
            }

            if (deadline.Elapsed >= timeout)
            {
                return Outcome.TimedOut;
            }

            await Task.Delay(Poll);
        }
    }

    /// <summary>Where the silo's web app listens (the port may have moved on), as its log says.</summary>
    public string? WebLine() => Added().FirstOrDefault(l => l.StartsWith("Web app:", StringComparison.Ordinal));

    /// <summary>The last lines the silo logged since the launch, for a failure message.</summary>
    public string LastLines(int count)
    {
        var lines = Added().Where(l => l.Length > 0).TakeLast(count).ToArray();
        return lines.Length > 0 ? string.Join(Environment.NewLine, lines) : "(the silo logged nothing)";
    }

    private string[] Added()
    {
        if (!File.Exists(Log))
        {
            return [];
        }

        using var stream = new FileStream(Log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Seek(Math.Min(logStart, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }
}
