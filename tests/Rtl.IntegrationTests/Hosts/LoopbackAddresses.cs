using System.Net;
using System.Net.Sockets;

namespace Rtl.IntegrationTests.Hosts;

/// <summary>
/// An address per host: 127.0.0.2, 127.0.0.3, … when this machine can listen on and reach them (Linux routes all of
/// 127.0.0.0/8 to lo), so hosts really differ by address as Pis do; else 127.0.0.1 for all, told apart by port.
/// </summary>
public static class LoopbackAddresses
{
    public static IReadOnlyList<string> For(int count)
    {
        var distinct = Enumerable.Range(0, count).Select(i => $"127.0.0.{i + 2}").ToArray();
        return distinct.All(Reachable) ? distinct : Enumerable.Repeat("127.0.0.1", count).ToArray();
    }

    private static bool Reachable(string address)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Parse(address), 0);
            listener.Start();
            using var client = new TcpClient();
            client.Connect((IPEndPoint)listener.LocalEndpoint);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
