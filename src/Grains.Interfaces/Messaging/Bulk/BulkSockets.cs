using System.Net.Sockets;

namespace Rtl.Messaging.Bulk;

/// <summary>Blocking whole-buffer sends and receives; each call is bounded by the socket's send or receive timeout.</summary>
internal static class BulkSockets
{
    public static void SendAll(Socket socket, ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            bytes = bytes[socket.Send(bytes)..];
        }
    }

    /// <summary>Fills <paramref name="buffer"/>; false when the peer closed before its first byte, an error after it.</summary>
    public static bool TryReceiveExactly(Socket socket, Span<byte> buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = socket.Receive(buffer[read..]);
            if (n == 0)
            {
                return read == 0 ? false : throw new EndOfStreamException($"the peer closed the connection after {read} of {buffer.Length} bytes");
            }

            read += n;
        }

        return true;
    }

    public static void ReceiveExactly(Socket socket, Span<byte> buffer)
    {
        if (!TryReceiveExactly(socket, buffer))
        {
            throw new EndOfStreamException("the peer closed the connection");
        }
    }
}
