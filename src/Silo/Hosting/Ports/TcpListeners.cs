using System.Globalization;
using System.Net;

namespace Rtl.Silo.Hosting.Ports;

/// <summary>One listening TCP socket of this machine, as the kernel lists it in <c>/proc/net/tcp</c> or <c>tcp6</c>.</summary>
public readonly record struct ListeningSocket(IPAddress Address, int Port, long Inode)
{
    /// <summary>Whether this listener takes connections for <paramref name="endpoint"/>: same address, or either is a wildcard.</summary>
    public bool Covers(IPEndPoint endpoint) =>
        Port == endpoint.Port
        && (IsWildcard(Address) || IsWildcard(endpoint.Address) || Unmapped(Address).Equals(Unmapped(endpoint.Address)));

    private static bool IsWildcard(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    private static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}

/// <summary>
/// Who listens on a TCP port, on Linux: the kernel's socket tables give the socket's inode, and
/// <c>/proc/&lt;pid&gt;/fd/*</c> links to <c>socket:[inode]</c> name the process. Elsewhere, or where
/// <c>/proc</c> of another user's process is not readable, the answers are empty.
/// </summary>
public static class TcpListeners
{
    private const string Listen = "0A";

    /// <summary>Every listening socket that takes connections for <paramref name="endpoint"/>.</summary>
    public static IReadOnlyList<ListeningSocket> Covering(IPEndPoint endpoint) =>
        All().Where(s => s.Covers(endpoint)).ToArray();

    /// <summary>The process holding a socket: its pid and command line, or null when it cannot be seen.</summary>
    public static (int Pid, string CommandLine)? Owner(long inode)
    {
        var link = $"socket:[{inode}]";
        foreach (var process in SafeDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out var pid))
            {
                continue;
            }

            foreach (var fd in SafeEntries(Path.Combine(process, "fd")))
            {
                if (LinkTarget(fd) == link)
                {
                    return (pid, CommandLine(pid));
                }
            }
        }

        return null;
    }

    /// <summary>The inodes of this process's own sockets.</summary>
    public static HashSet<long> OwnSocketInodes() =>
        SafeEntries("/proc/self/fd")
            .Select(LinkTarget)
            .Where(t => t is not null && t.StartsWith("socket:[", StringComparison.Ordinal))
            .Select(t => long.Parse(t!["socket:[".Length..^1], CultureInfo.InvariantCulture))
            .ToHashSet();

    private static IEnumerable<ListeningSocket> All()
    {
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(table);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            // "sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode …", after a header line.
            foreach (var line in lines.Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == Listen && Parse(fields[1]) is { } local
                    && long.TryParse(fields[9], CultureInfo.InvariantCulture, out var inode))
                {
                    yield return new ListeningSocket(local.Address, local.Port, inode);
                }
            }
        }
    }

    /// <summary>"0100007F:7530" → 127.0.0.1:30000: the address is in 32-bit words of the host's byte order.</summary>
    private static IPEndPoint? Parse(string hexEndpoint)
    {
        var colon = hexEndpoint.IndexOf(':');
        if (colon < 0 || !int.TryParse(hexEndpoint.AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port))
        {
            return null;
        }

        var bytes = Convert.FromHexString(hexEndpoint.AsSpan(0, colon));
        if (BitConverter.IsLittleEndian)
        {
            for (var word = 0; word < bytes.Length; word += 4)
            {
                Array.Reverse(bytes, word, 4);
            }
        }

        return new IPEndPoint(new IPAddress(bytes), port);
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").TrimEnd('\0').Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "?";
        }
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string[] SafeDirectories(string path)
    {
        try
        {
            return Directory.GetDirectories(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string[] SafeEntries(string path)
    {
        try
        {
            return Directory.GetFileSystemEntries(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
