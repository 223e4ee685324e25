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

    /// <summary>The pid in a line such as <c>Started silo on port 1 (pid 42)</c> or <c>the silo (pid 42) …</c>.</summary>
    public static int PidIn(string text)
    {
        var match = PidPattern().Match(text);
        return match.Success ? int.Parse(match.Groups[1].Value) : throw new InvalidOperationException($"no '(pid N)' in: {text}");
    }

    [GeneratedRegex(@"\(pid (\d+)\)")]
    private static partial Regex PidPattern();
}
