using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Rtl.Data;

namespace Rtl.Messaging.Bulk;

/// <summary>
/// Fetches a parked table's columns straight into new column arrays, over connections pooled per endpoint for the
/// whole process. Blocking, and bounded: a connect waits <see cref="BulkProtocol.ConnectTimeout"/>, every receive
/// <see cref="BulkProtocol.TransferTimeout"/>; any failure is a <see cref="BulkFetchException"/> naming the peer.
/// </summary>
public static class BulkFetcher
{
    private static readonly ConcurrentDictionary<IPEndPoint, ConcurrentQueue<Idle>> Pool = new();

    public static Column[] Fetch(IPEndPoint endpoint, Guid token, IReadOnlyList<DType> types, int rows)
    {
        var expected = types.Sum(t => (long)t.Size() * rows);
        // A pooled connection the listener closed as idle fails before its first byte: try once more on a new one.
        for (var attempt = 0; ; attempt++)
        {
            var (socket, pooled) = Rent(endpoint);
            try
            {
                var columns = Receive(socket, token, types, rows, expected, endpoint);
                if (columns is null && pooled && attempt == 0)
                {
                    socket.Dispose();
                    continue;
                }

                if (columns is null)
                {
                    throw new BulkFetchException($"bulk channel {endpoint} closed the connection before answering");
                }

                Pool.GetOrAdd(endpoint, _ => new()).Enqueue(new Idle(socket, Stopwatch.GetTimestamp()));
                return columns;
            }
            catch (Exception e) when (e is SocketException or IOException)
            {
                socket.Dispose();
                throw e as BulkFetchException ?? new BulkFetchException($"fetching a table of {expected:N0} bytes from bulk channel {endpoint} failed: {e.Message}");
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }

    /// <summary>The columns; null when the peer closed the connection before its first byte of answer.</summary>
    private static Column[]? Receive(Socket socket, Guid token, IReadOnlyList<DType> types, int rows, long expected, IPEndPoint endpoint)
    {
        Span<byte> request = stackalloc byte[BulkProtocol.RequestBytes];
        BulkProtocol.Magic.CopyTo(request);
        token.TryWriteBytes(request[4..]);
        BulkSockets.SendAll(socket, request);

        Span<byte> status = stackalloc byte[1];
        if (!BulkSockets.TryReceiveExactly(socket, status))
        {
            return null;
        }

        if (status[0] != BulkProtocol.Found)
        {
            throw new BulkFetchException(
                $"bulk channel {endpoint} no longer holds the table (token unknown, already fetched, or expired after {BulkChannelOptions.DefaultExpiry.TotalSeconds:0} s)");
        }

        Span<byte> length = stackalloc byte[8];
        BulkSockets.ReceiveExactly(socket, length);
        var total = BinaryPrimitives.ReadInt64LittleEndian(length);
        if (total != expected)
        {
            throw new BulkFetchException($"bulk channel {endpoint} offered {total:N0} bytes for a table of {expected:N0}");
        }

        var columns = new Column[types.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            var allocation = Column.Allocate(types[i], rows);
            BulkSockets.ReceiveExactly(socket, allocation.WritableBytes);
            columns[i] = allocation.Column;
        }

        return columns;
    }

    private static (Socket Socket, bool Pooled) Rent(IPEndPoint endpoint)
    {
        if (Pool.TryGetValue(endpoint, out var idle))
        {
            var fresh = Stopwatch.GetTimestamp() - (long)(BulkProtocol.IdleTimeout.TotalSeconds / 2 * Stopwatch.Frequency);
            while (idle.TryDequeue(out var pooled))
            {
                if (pooled.Since > fresh)
                {
                    return (pooled.Socket, true);
                }

                pooled.Socket.Dispose();
            }
        }

        return (Connect(endpoint), false);
    }

    private static Socket Connect(IPEndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // A non-blocking connect polled on this thread: waiting on ConnectAsync needs a thread-pool thread to
            // complete it, and fetches run on pool threads, so sixteen at once starved each other past the timeout.
            socket.Blocking = false;
            try
            {
                socket.Connect(endpoint);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
            {
                if (!socket.Poll(BulkProtocol.ConnectTimeout, SelectMode.SelectWrite))
                {
                    throw new BulkFetchException($"bulk channel {endpoint} did not accept a connection within {BulkProtocol.ConnectTimeout.TotalSeconds:0} s");
                }

                if (socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error) is int error and not 0)
                {
                    throw new SocketException(error);
                }
            }

            socket.Blocking = true;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new BulkFetchException($"cannot connect to bulk channel {endpoint}: {e.Message}");
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        socket.ReceiveTimeout = socket.SendTimeout = (int)BulkProtocol.TransferTimeout.TotalMilliseconds;
        return socket;
    }

    private readonly record struct Idle(Socket Socket, long Since);
}
