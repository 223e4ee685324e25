using System.Net;
using System.Net.Sockets;

namespace Rtl.IntegrationTests.Processes;

/// <summary>
/// Ports for the silos tests start. Not the system's pick (port 0): that comes from the ephemeral range, where any
/// outgoing connection of any test may take the same port before the silo binds it (seen in CI: a silo's web port
/// taken between the pick and the bind). These come from below that range, which outgoing connections never use,
/// each handed out once per test run and found free when handed out.
/// </summary>
public static class FreePorts
{
    private const int Lowest = 10_000;

    private static readonly int Highest = EphemeralStart() - 1;

    // A random start, so two test runs on one machine are unlikely to walk the same ports.
    private static int next = Lowest + Random.Shared.Next(Highest - Lowest);

    public static int Next()
    {
        for (var tries = 0; tries < Highest - Lowest; tries++)
        {
            var port = Lowest + (Interlocked.Increment(ref next) - Lowest) % (Highest - Lowest + 1);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no free port between {Lowest} and {Highest}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The low end of the kernel's ephemeral port range (32768 by default on Linux).</summary>
    private static int EphemeralStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var low) && low > Lowest + 1_000
            ? low
            : 32_768;
    }
}
