using System.Text.RegularExpressions;

namespace Rtl.IntegrationTests.Processes;

/// <summary>What the kernel says of a pid, read here rather than through the code under test.</summary>
public static partial class ProcessState
{
    /// <summary>Running: <c>/proc/&lt;pid&gt;</c> exists and is not a zombie (a dead child nobody reaped yet).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 1)..].TrimStart();
            return state.Length > 0 && state[0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>A memory figure of <c>/proc/&lt;pid&gt;/status</c> (<c>VmRSS</c>, <c>VmHWM</c>, …), in bytes.</summary>
    public static long MemoryBytes(int pid, string field) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;

    /// <summary>
    /// The running processes whose command line mentions <paramref name="text"/> (a data dir): finds an orphan
    /// even if the pid a command reported were not the silo's own.
    /// </summary>
    public static IReadOnlyList<string> RunningWith(string text)
    {
        var found = new List<string>();
        foreach (var process in Directory.GetDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(process), out var pid) && pid != Environment.ProcessId && IsRunning(pid)
                && CommandLine(pid) is { } commandLine && commandLine.Contains(text, StringComparison.Ordinal))
            {
                found.Add($"pid {pid}: {commandLine}");
            }
        }

        return found;
    }

    private static string? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The pid in a line such as <c>Started silo on port 1 (pid 42)</c> or <c>the silo (pid 42) …</c>.</summary>
    public static int PidIn(string text)
    {
        var match = PidPattern().Match(text);
        return match.Success ? int.Parse(match.Groups[1].Value) : throw new InvalidOperationException($"no '(pid N)' in: {text}");
    }

    [GeneratedRegex(@"\(pid (\d+)\)")]
    private static partial Regex PidPattern();
}
