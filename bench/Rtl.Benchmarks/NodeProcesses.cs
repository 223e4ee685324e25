using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Rtl.Silo.Demo;

namespace Rtl.Benchmarks;

/// <summary>A node started as its user starts it — an <c>rtl silo</c>, or a Dask scheduler with one worker — timed to ready.</summary>
public sealed class NodeProcesses : IDisposable
{
    private readonly List<Process> processes;

    private NodeProcesses(List<Process> processes, TimeSpan ready, int gateway = 0) => (this.processes, Ready, Gateway) = (processes, ready, gateway);

    /// <summary>The silo's gateway port (0 for Dask).</summary>
    public int Gateway { get; }

    /// <summary>From the first process start to the node answering: the silo's up line (printed once its gateway listens), Dask's worker registered.</summary>
    public TimeSpan Ready { get; }

    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    /// <summary><c>rtl silo</c> on <paramref name="dataDir"/> and free ports, with <paramref name="environment"/> added (GC settings).</summary>
    public static NodeProcesses Silo(string rtl, string dataDir, IReadOnlyDictionary<string, string> environment, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(rtl) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = dataDir };
        var gateway = FreePort.Any();
        foreach (var argument in (string[])["silo", "--data-dir", dataDir, "--silo-port", FreePort.Any().ToString(CultureInfo.InvariantCulture),
                     "--gateway-port", gateway.ToString(CultureInfo.InvariantCulture), "--web-port", FreePort.Any().ToString(CultureInfo.InvariantCulture), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        var silo = Process.Start(start)!;
        var node = new NodeProcesses([silo], WaitFor(silo, silo.StandardOutput, "Rtl silo up", clock), gateway);
        using var probe = new TcpClient();
        probe.Connect(IPAddress.Loopback, gateway); // the up line promises a listening gateway; check it
        return node;
    }

    /// <summary><c>dask scheduler</c> and one <c>dask worker</c> (its nanny included, as Dask runs it), both on loopback.</summary>
    public static NodeProcesses Dask(int threads)
    {
        var port = FreePort.Any().ToString(CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        var scheduler = Python("distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", port, "--dashboard-address", ":0");
        var worker = Python("distributed.cli.dask_worker", $"tcp://127.0.0.1:{port}", "--nthreads", threads.ToString(CultureInfo.InvariantCulture),
            "--nworkers", "1", "--dashboard-address", ":0", "--host", "127.0.0.1");
        try
        {
            return new NodeProcesses([scheduler, worker], WaitFor(worker, worker.StandardError, "Registered to", clock));
        }
        catch
        {
            Stop(scheduler);
            throw;
        }
    }

    /// <summary>Resident memory of every process of the node and their children (Dask's nanny starts the worker).</summary>
    public long Rss() => processes.SelectMany(p => Tree(p.Id)).Distinct().Sum(ProcessRss);

    /// <summary>CPU time (user + system) every process of the node has used so far.</summary>
    public double CpuSeconds() => processes.SelectMany(p => Tree(p.Id)).Distinct().Sum(ProcessCpu);

    public static double ProcessCpu(int pid)
    {
        try
        {
            // Fields 14 and 15 of /proc/PID/stat, after the command name in parentheses; in clock ticks (100 a second on Linux).
            var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public void Dispose()
    {
        foreach (var process in processes)
        {
            Stop(process);
        }
    }

    public static long ProcessRss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0; // gone meanwhile
        }
    }

    private static IEnumerable<int> Tree(int pid)
    {
        yield return pid;
        var tasks = $"/proc/{pid}/task";
        if (!Directory.Exists(tasks))
        {
            yield break;
        }

        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            var children = Path.Combine(task, "children");
            var text = File.Exists(children) ? File.ReadAllText(children) : "";
            foreach (var child in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var descendant in Tree(int.Parse(child, CultureInfo.InvariantCulture)))
                {
                    yield return descendant;
                }
            }
        }
    }

    private static Process Python(params string[] arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-m");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    /// <summary>Reads <paramref name="output"/> until a line holds <paramref name="marker"/>; the other stream is drained meanwhile.</summary>
    private static TimeSpan WaitFor(Process process, StreamReader output, string marker, Stopwatch clock)
    {
        var other = output == process.StandardOutput ? process.StandardError : process.StandardOutput;
        _ = other.ReadToEndAsync();
        var seen = new List<string>();
        var reading = Task.Run(() =>
        {
            while (output.ReadLine() is { } line)
            {
                seen.Add(line);
                if (line.Contains(marker, StringComparison.Ordinal))
                {
                    return clock.Elapsed;
                }
            }

            return (TimeSpan?)null;
        });
        if (!reading.Wait(StartTimeout) || reading.Result is not { } ready)
        {
            Stop(process);
            throw new InvalidOperationException($"{process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)}: no '{marker}' within {StartTimeout}:\n{string.Join('\n', seen.TakeLast(20))}");
        }

        _ = output.ReadToEndAsync();
        return ready;
    }

    /// <summary>SIGTERM, as systemd stops a node (a killed silo would leave its membership row for the next start to probe), then SIGKILL after 30 s.</summary>
    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }

        process.Dispose();
    }
}
