using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Rtl.Client;
using Rtl.Client.Storage;
using Rtl.Hosting;

namespace Rtl.Silo.Cli;

/// <summary><c>rtl silo | start | stop | restart | status</c>.</summary>
public static class SiloCommands
{
    private static readonly string[] SiloOptions = ["silo-port", "gateway-port", "web-port", "cluster-id", "files-root", "plugins-dir", "address", "max-kernels", "profile", "max-table-bytes", "chunking", "chunk-rows"];

    /// <summary>Runs a silo in the foreground until SIGTERM / Ctrl-C (what systemd runs).</summary>
    public static async Task<int> Silo(CommandLine line, RtlOptions options)
    {
        line.RejectUnknown(SiloOptions);
        var pidFile = SiloProcesses.PidFile(options.DataDir, options.SiloPort);
        if (SiloProcesses.Running(options.DataDir).Any(s => s.Port == options.SiloPort))
        {
            throw new UsageException($"a silo is already running on port {options.SiloPort} for {options.DataDir} (stop it with `rtl stop`)");
        }

        using var host = SiloHost.Build(options, Microsoft.Extensions.Logging.LogLevel.Warning);
        await host.StartAsync();
        await File.WriteAllTextAsync(pidFile, Environment.ProcessId.ToString());
        Console.WriteLine($"Rtl silo up: silo port {options.SiloPort}, gateway port {options.GatewayPort}, cluster '{options.ClusterId}', data dir {options.DataDir}, files root {options.ResolvedFilesRoot}");
        Console.WriteLine(Web.WebHosting.Describe(host.Services, options));
        try
        {
            await host.WaitForShutdownAsync();
        }
        finally
        {
            File.Delete(pidFile);
        }

        return 0;
    }

    /// <summary>Starts <c>rtl silo</c> in the background and returns once its gateway accepts clients.</summary>
    public static async Task<int> Start(CommandLine line, RtlOptions options)
    {
        line.RejectUnknown(SiloOptions);
        if (SiloProcesses.Running(options.DataDir).FirstOrDefault(s => s.Port == options.SiloPort) is { Pid: > 0 } running)
        {
            Console.Error.WriteLine($"rtl: a silo is already running on port {options.SiloPort} (pid {running.Pid}) for {options.DataDir}");
            return 1;
        }

        Directory.CreateDirectory(options.DataDir);
        var log = SiloProcesses.LogFile(options.DataDir, options.SiloPort);
        var logStart = File.Exists(log) ? new FileInfo(log).Length : 0;
        var process = Process.Start(BackgroundStart(line, options, log))!;
        await process.WaitForExitAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var up = SiloProcesses.Running(options.DataDir).FirstOrDefault(s => s.Port == options.SiloPort);
            if (up.Pid > 0 && SiloProcesses.PortAccepts(options.GatewayPort))
            {
                Console.WriteLine($"Started silo on port {options.SiloPort} (pid {up.Pid}); gateway port {options.GatewayPort}; log {log}");
                if (await WebLine(log, logStart) is { } web)
                {
                    Console.WriteLine(web);
                }

                return 0;
            }

            await Task.Delay(200);
        }

        Console.Error.WriteLine($"rtl: the silo did not come up within 90 s; last lines of {log}:");
        Console.Error.WriteLine(string.Join(Environment.NewLine, File.Exists(log) ? File.ReadLines(log).TakeLast(20) : []));
        return 1;
    }

    /// <summary>Stops every silo of the data dir gracefully: they leave the cluster before exiting.</summary>
    public static async Task<int> Stop(CommandLine line, RtlOptions options)
    {
        line.RejectUnknown();
        var running = SiloProcesses.Running(options.DataDir);
        if (running.Count == 0)
        {
            Console.WriteLine($"No silo is running for {options.DataDir}.");
            return 0;
        }

        foreach (var (port, pid) in running)
        {
            var graceful = await SiloProcesses.Stop(pid, TimeSpan.FromSeconds(30));
            Console.WriteLine(graceful ? $"Stopped silo on port {port} (pid {pid})." : $"Killed silo on port {port} (pid {pid}): it did not stop within 30 s.");
        }

        return 0;
    }

    public static async Task<int> Restart(CommandLine line, RtlOptions options)
    {
        await Stop(new CommandLine(["stop"]), options);
        return await Start(line, options);
    }

    /// <summary>Lists every silo in the cluster; exit 0 when one is running, 3 when none is.</summary>
    public static async Task<int> Status(CommandLine line, RtlOptions options)
    {
        line.RejectUnknown();
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

    /// <summary>The silo logs where its web app listens (the port may have moved on): pass that line on.</summary>
    private static async Task<string?> WebLine(string log, long from)
    {
        for (var i = 0; i < 25; i++)
        {
            using var reader = new StreamReader(new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            reader.BaseStream.Seek(from, SeekOrigin.Begin);
            var added = await reader.ReadToEndAsync();
            if (added.Split('\n').FirstOrDefault(l => l.StartsWith("Web app:", StringComparison.Ordinal)) is { } line)
            {
                return line.TrimEnd('\r');
            }

            await Task.Delay(200);
        }

        return null;
    }

    private static ProcessStartInfo BackgroundStart(CommandLine line, RtlOptions options, string log)
    {
        // nohup + a shell redirect: the silo keeps its log and outlives this command and its terminal.
        var self = SelfCommand();
        var arguments = new List<string>(self) { "silo", "--data-dir", options.DataDir, "--silo-port", options.SiloPort.ToString(),
            "--gateway-port", options.GatewayPort.ToString(), "--web-port", options.WebPort.ToString(), "--cluster-id", options.ClusterId,
            "--files-root", options.ResolvedFilesRoot, "--plugins-dir", options.ResolvedPluginsDir };
        if (options.AdvertisedAddress is { } address)
        {
            arguments.AddRange(["--address", address]);
        }

        if (line.IntOption("max-kernels") is { } kernels)
        {
            arguments.AddRange(["--max-kernels", kernels.ToString()]);
        }

        if (options.Chunking)
        {
            arguments.AddRange(["--chunking", "--chunk-rows", options.ChunkRows.ToString()]);
        }

        if (options.Debug)
        {
            arguments.Add("--debug");
        }

        // Storage, certificate and limits travel as flags; the connection string (it may hold a password) and
        // the certificate's password travel in the environment, out of `ps`.
        arguments.AddRange(["--storage", options.Storage, "--max-table-bytes", options.MaxTableBytes.ToString()]);
        if (options.TlsCertificate is { } certificate)
        {
            arguments.AddRange(["--tls-certificate", Path.GetFullPath(certificate)]);
        }

        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("nohup \"$@\" >>\"$LOG\" 2>&1 </dev/null &");
        start.ArgumentList.Add("rtl-start");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LOG"] = log;
        if (options.ConnectionString is { } connectionString)
        {
            start.Environment["RTL_ConnectionString"] = connectionString;
        }

        if (options.TlsCertificatePassword is { } password)
        {
            start.Environment["RTL_TlsCertificatePassword"] = password;
        }
        return start;
    }

    /// <summary>How to run this program again: the apphost itself, or <c>dotnet rtl.dll</c>.</summary>
    private static IReadOnlyList<string> SelfCommand()
    {
        var process = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? [process, typeof(SiloCommands).Assembly.Location]
            : [process];
    }
}
