using System.CommandLine;
using Rtl.Client;
using Rtl.Client.Storage;
using Rtl.Grains.Hosting;
using Rtl.Silo.Hosting;

namespace Rtl.Silo.Cli;

/// <summary><c>rtl silo | start | stop | status</c>; <c>restart</c> is <see cref="RestartCommand"/>.</summary>
public static class SiloCommands
{
    /// <summary>Runs a silo in the foreground until SIGTERM / Ctrl-C (what systemd runs).</summary>
    public static async Task<int> Silo(RtlOptions options)
    {
        var pidFile = SiloProcesses.PidFile(options.DataDir, options.SiloPort);
        // `rtl start` may already have written this process's own pid: only another live process counts.
        if (SiloProcesses.Running(options.DataDir).Any(s => s.Port == options.SiloPort && s.Pid != Environment.ProcessId))
        {
            throw new UsageException($"a silo is already running on port {options.SiloPort} for {options.DataDir} (stop it with `rtl stop`)");
        }

        // The PID file comes first, so `rtl stop` reaches a silo that is still starting (or stuck starting).
        Directory.CreateDirectory(options.DataDir);
        SiloProcesses.WritePidFile(pidFile, Environment.ProcessId);
        try
        {
            using var host = await StartUnlessStopped(options);
            if (host is null)
            {
                return 1;
            }

            // One write: `rtl start` sees the up line and the web line together.
            Console.WriteLine($"{UpLine}: silo port {options.SiloPort}, gateway port {options.GatewayPort}, cluster '{options.ClusterId}', "
                + $"data dir {options.DataDir}, files root {options.ResolvedFilesRoot}{Environment.NewLine}{Web.WebHosting.Describe(host.Services, options)}"
                + $"{Environment.NewLine}{Hosting.MemoryLimits.Describe(options)}");
            await host.WaitForShutdownAsync();
        }
        finally
        {
            SiloProcesses.RemovePidFile(pidFile, Environment.ProcessId);
        }

        return 0;
    }

    private static async Task<IHost?> StartUnlessStopped(RtlOptions options)
    {
        try
        {
            return await SiloHost.StartAsync(options, Microsoft.Extensions.Logging.LogLevel.Warning);
        }
        catch (OperationCanceledException)
        {
            // SIGTERM while starting (`rtl stop`, or `rtl start` giving up): nothing to report but that.
            Console.Error.WriteLine($"rtl: the silo on port {options.SiloPort} was stopped before it came up");
            return null;
        }
    }

    /// <summary>What a silo prints once it serves: <c>rtl start</c> waits for this line in the log.</summary>
    public const string UpLine = "Rtl silo up";

    /// <summary>
    /// Starts <c>rtl silo</c> in the background and returns once it serves; a silo that exits first, or does
    /// not come up within <c>--start-timeout</c>, is reported with its log's last lines and nothing is left running.
    /// </summary>
    public static async Task<int> Start(ParseResult line, RtlOptions options)
    {
        var timeout = TimeSpan.FromSeconds(line.GetValue(CliOptions.StartTimeout) ?? DefaultStartTimeoutSeconds);
        if (SiloProcesses.Running(options.DataDir).FirstOrDefault(s => s.Port == options.SiloPort) is { Pid: > 0 } running)
        {
            Console.Error.WriteLine($"rtl: a silo is already running on port {options.SiloPort} (pid {running.Pid}) for {options.DataDir}");
            return 1;
        }

        Directory.CreateDirectory(options.DataDir);
        var silo = await BackgroundSilo.Launch(line, options);
        var outcome = await silo.WaitUntilUp(timeout);
        if (outcome == BackgroundSilo.Outcome.Up)
        {
            Console.WriteLine($"Started silo on port {options.SiloPort} (pid {silo.Pid}); gateway port {options.GatewayPort}; log {silo.Log}");
            if (silo.WebLine() is { } web)
            {
                Console.WriteLine(web);
            }

            return 0;
        }

        if (outcome == BackgroundSilo.Outcome.TimedOut)
        {
            var graceful = await SiloProcesses.Stop(silo.Pid, TimeSpan.FromSeconds(15));
            Console.Error.WriteLine($"rtl: the silo (pid {silo.Pid}) did not come up within {timeout.TotalSeconds:0.#} s (--start-timeout); "
                + $"{(graceful ? "stopped" : "killed")} it. Last lines of {silo.Log}:");
        }
        else
        {
            Console.Error.WriteLine($"rtl: the silo (pid {silo.Pid}) exited before it came up. Last lines of {silo.Log}:");
        }

        SiloProcesses.RemovePidFile(SiloProcesses.PidFile(options.DataDir, options.SiloPort), silo.Pid);
        Console.Error.WriteLine(silo.LastLines(20));
        return 1;
    }

    /// <summary>How long <c>rtl start</c> waits for the silo: a cold start on a loaded Pi takes tens of seconds.</summary>
    public const int DefaultStartTimeoutSeconds = 120;

    /// <summary>Stops every silo of the data dir gracefully: they leave the cluster before exiting.</summary>
    public static async Task<int> Stop(RtlOptions options)
    {
        var running = SiloProcesses.Running(options.DataDir);
        if (running.Count == 0)
        {
            Console.WriteLine($"No silo is running for {options.DataDir}.");
            return 0;
        }

        foreach (var (port, pid) in running)
        {
            await StopOne(port, pid);
        }

        return 0;
    }

    /// <summary>Stops one silo gracefully (killed after 30 s) and says which.</summary>
    public static async Task StopOne(int port, int pid)
    {
        var graceful = await SiloProcesses.Stop(pid, TimeSpan.FromSeconds(30));
        Console.WriteLine(graceful ? $"Stopped silo on port {port} (pid {pid})." : $"Killed silo on port {port} (pid {pid}): it did not stop within 30 s.");
    }

    /// <summary>Lists every silo in the cluster; exit 0 when one is running, 3 when none is.</summary>
    public static async Task<int> Status(RtlOptions options)
    {
        var local = SiloProcesses.Running(options.DataDir);
        if (local.Count == 0 && !File.Exists(options.DatabasePath) && !StorageKind.IsPostgres(options.Storage, options.ConnectionString))
        {
            Console.WriteLine($"No silo is running for {options.DataDir}. Start one with `rtl start`.");
            return 3;
        }

        try
        {
            var clientOptions = ClusterSession.ClientOptions(options);
            clientOptions.ConnectTimeout = TimeSpan.FromSeconds(5);
            await using var client = await RtlClient.ConnectAsync(clientOptions);
            var hosts = await client.Cluster.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
            var active = hosts.Where(h => h.Status == SiloStatus.Active).ToArray();
            Console.WriteLine($"Cluster '{options.ClusterId}' ({ClusterSession.Where(options)}): {active.Length} active silo(s)");
            foreach (var host in hosts.Where(h => h.Status is SiloStatus.Active or SiloStatus.Joining or SiloStatus.ShuttingDown))
            {
                var uptime = DateTime.UtcNow - host.StartTime.ToUniversalTime();
                Console.WriteLine($"  {host.SiloAddress,-28} {host.Status.ToString().ToLowerInvariant(),-12} up {uptime:d\\.hh\\:mm\\:ss}  {host.HostName}");
            }

            return active.Length > 0 ? 0 : 3;
        }
        catch (RtlConnectionException)
        {
            Console.WriteLine($"No silo is running for {options.DataDir}. Start one with `rtl start`.");
            return 3;
        }
    }
}
