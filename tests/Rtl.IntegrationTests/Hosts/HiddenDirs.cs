using System.Diagnostics;

namespace Rtl.IntegrationTests.Hosts;

/// <summary>
/// Runs a command in a mount namespace of its own (<c>unshare -m</c>) where other hosts' directories are each
/// covered by an empty read-only tmpfs, so the process cannot read or write them, as a silo on its own Pi cannot
/// see another Pi's disk. The mounts exist only in that namespace and vanish with its last process.
/// </summary>
public static class HiddenDirs
{
    private static readonly Lazy<string?> Reason = new(Probe);

    /// <summary>Why hidden directories cannot be made here (no unshare, or not allowed to mount), or null when they can.</summary>
    public static string? Unavailable() => Reason.Value;

    /// <summary>
    /// <paramref name="command"/> in <paramref name="workingDirectory"/> with <paramref name="hidden"/> covered. With
    /// a <paramref name="log"/>, its output is appended there (a silo, which outlives any reader); else it is redirected
    /// for the caller to read. <c>exec</c> keeps the pid: the process started is the command itself.
    /// </summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> hidden, string? log, IEnumerable<string> command)
    {
        var mounts = hidden.Select(dir => $"mount -t tmpfs -o ro,size=1m,mode=0555 tmpfs {Quote(dir)} && ");
        var redirect = log is null ? "" : $"exec >>{Quote(log)} 2>&1; ";
        var start = new ProcessStartInfo("unshare")
        {
            UseShellExecute = false,
            RedirectStandardOutput = log is null,
            RedirectStandardError = log is null,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in (string[])["--mount", "--propagation", "private", "--", "/bin/sh", "-c",
                     redirect + string.Concat(mounts) + "exec \"$@\"", "rtl-host", .. command])
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static string Quote(string path) =>
        path.Contains('\'') ? throw new ArgumentException($"no quotes in test paths: {path}") : $"'{path}'";

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "hidden host directories need Linux mount namespaces (unshare -m)";
        }

        var probe = Path.Combine(Path.GetTempPath(), "rtl-hidden-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(probe);
        try
        {
            using var process = Process.Start(StartInfo(Path.GetTempPath(), [probe], null, ["true"]))!;
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0
                ? null
                : $"`unshare --mount` + `mount -t tmpfs` failed (exit {process.ExitCode}; the tests of a cluster of hosts need root): {stderr.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"`unshare` (util-linux) is not installed: {e.Message}";
        }
        finally
        {
            Directory.Delete(probe);
        }
    }
}
