using System.Net;
using System.Net.Sockets;

namespace Rtl.IntegrationTests.Processes;

/// <summary>
/// A listener bound as Orleans' SocketConnectionListener binds its silo and gateway sockets: with
/// <c>ReuseAddress</c>, which .NET on Linux sets as SO_REUSEADDR and SO_REUSEPORT together.
/// </summary>
public static class OrleansStyleListener
{
    public static Socket Listen(IPEndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(endpoint);
            socket.Listen();
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
