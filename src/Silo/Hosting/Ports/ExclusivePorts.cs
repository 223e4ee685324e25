using System.Net;
using System.Net.Sockets;

namespace Rtl.Silo.Hosting.Ports;


/// <summary>
/// Refuses ports another process listens on. Orleans binds its listeners with <c>ReuseAddress</c>, which
/// .NET on Linux turns into <c>SO_REUSEPORT</c>: a second silo's bind then succeeds and the kernel splits
/// connections between the two. So the check binds without <c>SO_REUSEPORT</c>, which any listener refuses.
/// </summary>
public static class ExclusivePorts
{
    private const int SolSocket = 1;
    private const int SoReuseAddr = 2;
    private const int MaxCommandLine = 200;

    /// <summary>Throws <see cref="PortInUseException"/> unless <paramref name="endpoint"/> can be bound exclusively now.</summary>
    public static void EnsureFree(IPEndPoint endpoint, string role, string option)
    {
        if (endpoint.Port != 0 && !IsFree(endpoint, role))
        {
            throw new PortInUseException(Taken(endpoint, role, option, TcpListeners.Covering(endpoint)));
        }
    }

    /// <summary>
    /// Once listening: throws when another process listens there too (two silos that checked at the same
    /// moment both got the port through <c>SO_REUSEPORT</c>; each then sees the other and refuses).
    /// </summary>
    public static void EnsureSole(IPEndPoint endpoint, string role, string option)
    {
        var own = TcpListeners.OwnSocketInodes();
        var others = TcpListeners.Covering(endpoint).Where(s => !own.Contains(s.Inode)).ToArray();
        if (others.Length > 0)
        {
            throw new PortInUseException(Taken(endpoint, role, option, others));
        }
    }

    public static bool IsFree(IPEndPoint endpoint, string role)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (OperatingSystem.IsLinux())
        {
            // SO_REUSEADDR alone: connections of a previous run in TIME_WAIT do not count, a listener does.
            socket.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(1));
        }
        else if (OperatingSystem.IsWindows())
        {
            socket.ExclusiveAddressUse = true;
        }

        if (endpoint.Address.Equals(IPAddress.IPv6Any))
        {
            socket.DualMode = true;
        }

        try
        {
            socket.Bind(endpoint);
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
        catch (SocketException e)
        {
            throw new IOException($"cannot listen on {role} port {endpoint.Port} ({endpoint.Address}): {e.Message}", e);
        }
    }

    private static string Taken(IPEndPoint endpoint, string role, string option, IReadOnlyList<ListeningSocket> holders)
    {
        var owner = holders.Select(h => TcpListeners.Owner(h.Inode)).FirstOrDefault(o => o is not null);
        var who = owner is { } o
            ? $"pid {o.Pid} ({Shorten(o.CommandLine)})"
            : "another process (which one is not visible to this user)";
        return $"{role} port {endpoint.Port} ({endpoint.Address}) is already in use by {who}: a silo never shares a port; "
            + $"stop that process or choose another --{option}";
    }

    private static string Shorten(string commandLine) =>
        commandLine.Length <= MaxCommandLine ? commandLine : commandLine[..MaxCommandLine] + "…";
}
