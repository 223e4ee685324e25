using System.Net;
using Rtl.Grains.Hosting;
using Rtl.Silo.Hosting.Ports;

namespace Rtl.Silo.Web;

/// <summary>
/// Where the web app listens: loopback unless <see cref="RtlOptions.WebAddress"/> says otherwise. Port 0
/// lets the system pick (tests, embedded runs); a taken default port moves on to the next free one, so two
/// silos on one host do not collide, and the silo prints the port it got. A port given by flag or config is
/// refused when taken.
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

        if (!options.WebPortMayMove)
        {
            // A port the user chose is a promise (a bookmark, a proxy): refuse rather than serve elsewhere.
            var chosen = new IPEndPoint(address, options.WebPort);
            ExclusivePorts.EnsureFree(chosen, "web", "web-port");
            return chosen;
        }

        for (var port = options.WebPort; port < options.WebPort + Attempts && port <= IPEndPoint.MaxPort; port++)
        {
            if (ExclusivePorts.IsFree(new IPEndPoint(address, port), "web"))
            {
                return new IPEndPoint(address, port);
            }
        }

        throw new IOException(
            $"web ports {options.WebPort}–{options.WebPort + Attempts - 1} on {address} are all in use: choose another with --web-port (0 picks any free port)");
    }
}
