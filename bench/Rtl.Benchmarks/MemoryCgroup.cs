using System.Diagnostics;
using System.Globalization;

namespace Rtl.Benchmarks;

/// <summary>
/// A memory cgroup with a hard limit, made below this process's own (cgroup v2: <c>memory.max</c>, swap off; v1:
/// <c>memory.limit_in_bytes</c>, and <c>memory.memsw.limit_in_bytes</c> where swap is accounted), for one child
/// process started inside it — what <c>systemd-run --scope -p MemoryMax=…</c> or a Pi's unit gives a silo. Needs root.
/// </summary>
public sealed class MemoryCgroup : IDisposable
{
    private readonly string dir;
    private readonly bool v2;

    private MemoryCgroup(string dir, bool v2) => (this.dir, this.v2) = (dir, v2);

    public string Version => v2 ? "cgroup v2" : "cgroup v1";

    /// <summary>Makes one, or says why it cannot (no writable memory controller: not root, or a container without one).</summary>
    public static MemoryCgroup? TryCreate(long limitBytes, out string why)
    {
        var name = $"rtl-bench-{Environment.ProcessId}-{Guid.NewGuid():N}"[..32];
        var limit = limitBytes.ToString(CultureInfo.InvariantCulture);
        try
        {
            if (File.Exists("/sys/fs/cgroup/cgroup.controllers") && Own("0:") is { } unified)
            {
                var dir = Path.Combine("/sys/fs/cgroup" + unified, name);
                Directory.CreateDirectory(dir);
                File.WriteAllText(Path.Combine(dir, "memory.max"), limit);
                File.WriteAllText(Path.Combine(dir, "memory.swap.max"), "0");
                why = "";
                return new MemoryCgroup(dir, v2: true);
            }

            if (Directory.Exists("/sys/fs/cgroup/memory") && Own("memory") is { } memory)
            {
                var dir = Path.Combine("/sys/fs/cgroup/memory" + memory, name);
                Directory.CreateDirectory(dir);
                File.WriteAllText(Path.Combine(dir, "memory.limit_in_bytes"), limit);
                if (File.Exists(Path.Combine(dir, "memory.memsw.limit_in_bytes")))
                {
                    File.WriteAllText(Path.Combine(dir, "memory.memsw.limit_in_bytes"), limit);
                }

                why = "";
                return new MemoryCgroup(dir, v2: false);
            }

            why = "no cgroup memory controller is mounted";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            why = $"cannot make a memory cgroup: {e.Message}";
        }

        return null;
    }

    /// <summary>Starts <paramref name="start"/> inside the cgroup: a shell moves itself in, then execs the program.</summary>
    public Process Start(ProcessStartInfo start)
    {
        var shell = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = start.RedirectStandardOutput,
            RedirectStandardError = start.RedirectStandardError,
            UseShellExecute = false,
            WorkingDirectory = start.WorkingDirectory,
        };
        foreach (var (key, value) in start.Environment)
        {
            shell.Environment[key] = value;
        }

        foreach (var argument in (string[])["-c", "echo $$ > \"$0\" && exec \"$@\"", Path.Combine(dir, "cgroup.procs"), start.FileName, .. start.ArgumentList])
        {
            shell.ArgumentList.Add(argument);
        }

        return Process.Start(shell)!;
    }

    /// <summary>The most memory the cgroup's processes held at once (the kernel's count: RSS and page cache).</summary>
    public long Peak => Read(v2 ? "memory.peak" : "memory.max_usage_in_bytes");

    /// <summary>How often the kernel's OOM killer ran in the cgroup.</summary>
    public long OomKills => v2
        ? Field("memory.events", "oom_kill")
        : Field("memory.oom_control", "oom_kill");

    public void Dispose()
    {
        // The child has exited; a moment may pass before the kernel lets the empty cgroup go.
        for (var attempt = 0; attempt < 50 && Directory.Exists(dir); attempt++)
        {
            try
            {
                Directory.Delete(dir);
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static string? Own(string controller) => File.ReadLines("/proc/self/cgroup")
        .Select(l => l.Split(':', 3))
        .FirstOrDefault(p => p.Length == 3 && (controller == "0:" ? p[0] == "0" && p[1].Length == 0 : p[1].Split(',').Contains(controller)))?[2]
        .TrimEnd('/');

    private long Read(string file) =>
        File.Exists(Path.Combine(dir, file)) ? long.Parse(File.ReadAllText(Path.Combine(dir, file)).Trim(), CultureInfo.InvariantCulture) : -1;

    private long Field(string file, string key) => File.Exists(Path.Combine(dir, file))
        ? File.ReadLines(Path.Combine(dir, file)).Select(l => l.Split(' ')).Where(p => p.Length == 2 && p[0] == key)
            .Select(p => long.Parse(p[1], CultureInfo.InvariantCulture)).FirstOrDefault()
        : -1;
}
