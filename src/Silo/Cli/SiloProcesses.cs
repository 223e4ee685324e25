using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Rtl.Silo.Cli;

/// <summary>The silo processes of a data dir, found through their PID files <c>silo-&lt;port&gt;.pid</c>.</summary>
public static partial class SiloProcesses
{
    public static string PidFile(string dataDir, int siloPort) => Path.Combine(dataDir, $"silo-{siloPort}.pid");

    public static string LogFile(string dataDir, int siloPort) => Path.Combine(dataDir, $"silo-{siloPort}.log");

    /// <summary>
    /// Writes a PID file whole or not at all (a temp file renamed over it): a reader never sees it empty, which
    /// once made a poll delete the file of a silo that was starting, leaving a silo nobody could stop.
    /// </summary>
    public static void WritePidFile(string pidFile, int pid)
    {
        var temp = $"{pidFile}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temp, pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.Move(temp, pidFile, overwrite: true);
    }

    /// <summary>Removes a PID file if it still names <paramref name="pid"/> (a newer silo may have taken it over).</summary>
    public static void RemovePidFile(string pidFile, int pid)
    {
        if (ReadPid(pidFile) == pid)
        {
            File.Delete(pidFile);
        }
    }

    private static int? ReadPid(string pidFile)
    {
        try
        {
            return int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && pid > 0 ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Live silos (port, pid). The PID file of a process that is gone is removed; one that cannot be read is left
    /// alone (it is not known to be stale).
    /// </summary>
    public static IReadOnlyList<(int Port, int Pid)> Running(string dataDir)
    {
        var running = new List<(int, int)>();
        if (!Directory.Exists(dataDir))
        {
            return running;
        }

        foreach (var file in Directory.GetFiles(dataDir, "silo-*.pid"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!int.TryParse(name["silo-".Length..], out var port) || ReadPid(file) is not { } pid)
            {
                continue;
            }

            if (IsAlive(pid))
            {
                running.Add((port, pid));
            }
            else
            {
                RemovePidFile(file, pid);
            }
        }

        return running;
    }

    /// <summary>
    /// What a running silo was started with: its arguments after the <c>silo</c> verb, read from
    /// <c>/proc/PID/cmdline</c> (<c>rtl start</c> passes every flag there; secrets travel in the environment).
    /// Null when that cannot be read.
    /// </summary>
    public static string[]? SiloArguments(int pid)
    {
        try
        {
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline").TrimEnd('\0').Split('\0');
            var verb = Array.IndexOf(arguments, "silo", 1);
            return verb > 0 ? arguments[(verb + 1)..] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && !IsZombie(pid);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// A killed silo whose parent (the shell that started it) is gone stays a zombie where nothing reaps
    /// orphans (containers): it holds its PID but is dead.
    /// </summary>
    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat.AsSpan(stat.LastIndexOf(')') + 1).TrimStart();
            return state.Length > 0 && state[0] is 'Z' or 'X';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>How long a SIGKILLed process may take to be gone: the kernel frees a big process's memory first.</summary>
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Asks a silo to leave the cluster (SIGTERM); kills it if it has not exited in time. Returns once it is
    /// gone (true: it left by itself), so a caller never reports a stopped silo that still runs.
    /// </summary>
    public static async Task<bool> Stop(int pid, TimeSpan grace)
    {
        _ = Kill(pid, 15);
        if (await ExitedWithin(pid, grace))
        {
            return true;
        }

        _ = Kill(pid, 9);
        if (!await ExitedWithin(pid, KillGrace))
        {
            throw new IOException($"the silo (pid {pid}) still runs {KillGrace.TotalSeconds:0} s after SIGKILL");
        }

        return false;
    }

    private static async Task<bool> ExitedWithin(int pid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
