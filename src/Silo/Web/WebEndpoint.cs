using System.Net;
using System.Net.Sockets;
using Rtl.Hosting;

namespace Rtl.Silo.Web;

/// <summary>
/// Where the web app listens: loopback unless <see cref="RtlOptions.WebAddress"/> says otherwise. Port 0
/// lets the system pick (tests, embedded runs); a taken port moves on to the next free one, so two silos
/// on one host do not collide, and the silo prints the port it got.
/// </summary>
public static class WebEndpoint
{
    public const int Attempts = 20;

    public static IPEndPoint Choose(RtlOptions options)
    {
        var address = options.WebAddress is { Length: > 0 } a ? IPAddress.Parse(a) : IPAddress.Loopback;
        if (options.WebPort == 0)
        {
            return new IPEndPoint(address, 0);
        }

        for (var port = options.WebPort; port < options.WebPort + Attempts && port <= IPEndPoint.MaxPort; port++)
        {
            if (IsFree(address, port))
            {
                return new IPEndPoint(address, port);
            }
        }

        throw new IOException(
            $"web ports {options.WebPort}–{options.WebPort + Attempts - 1} on {address} are all in use: choose another with --web-port (0 picks any free port)");
    }

    private static bool IsFree(IPAddress address, int port)
    {
        try
        {
            using var listener = new TcpListener(address, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
