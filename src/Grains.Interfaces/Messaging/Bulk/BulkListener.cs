using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Rtl.Data;

namespace Rtl.Messaging.Bulk;

/// <summary>
/// Serves parked tables: each connection on a thread of its own, written with blocking sends straight from the
/// columns' arrays. Threads, not the thread pool, so a receiver in this same process that blocks a pool thread on its
/// fetch (the codec runs inside Orleans' receive loop) can never starve the side that answers it.
/// </summary>
public sealed partial class BulkListener : IDisposable
{
    /// <summary>Connections served at once; more are closed on arrival (each peer process pools one per fetch in flight).</summary>
    public const int MaxConnections = 64;

    private readonly Socket listener;
    private readonly BulkParking parking;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<Socket, byte> open = new();
    private volatile bool stopped;

    public BulkListener(IPEndPoint bind, BulkParking parking, ILogger logger)
    {
        (this.parking, this.logger) = (parking, logger);
        listener = new Socket(bind.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(bind);
            listener.Listen(MaxConnections);
        }
        catch (SocketException e)
        {
            listener.Dispose();
            throw new IOException($"cannot listen on bulk channel port {bind.Port} ({bind.Address}): {e.Message}; choose another --bulk-port", e);
        }

        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        new Thread(Accept) { IsBackground = true, Name = "rtl bulk accept" }.Start();
    }

    public int Port { get; }

    public void Dispose()
    {
        stopped = true;
        listener.Dispose();
        foreach (var socket in open.Keys)
        {
            socket.Dispose();
        }
    }

    private void Accept()
    {
        while (!stopped)
        {
            Socket socket;
            try
            {
                socket = listener.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                if (!stopped)
                {
                    AcceptFailed(logger, e);
                }

                continue;
            }

            if (open.Count >= MaxConnections)
            {
                TooManyConnections(logger, socket.RemoteEndPoint, MaxConnections);
                socket.Dispose();
                continue;
            }

            open[socket] = 0;
            new Thread(() => Serve(socket)) { IsBackground = true, Name = "rtl bulk send" }.Start();
        }
    }

    private void Serve(Socket socket)
    {
        var peer = socket.RemoteEndPoint;
        try
        {
            socket.NoDelay = true;
            socket.SendTimeout = (int)BulkProtocol.TransferTimeout.TotalMilliseconds;
            Span<byte> request = stackalloc byte[BulkProtocol.RequestBytes];
            while (!stopped)
            {
                socket.ReceiveTimeout = (int)BulkProtocol.IdleTimeout.TotalMilliseconds;
                if (!BulkSockets.TryReceiveExactly(socket, request))
                {
                    return; // the fetcher closed its pooled connection
                }

                if (!request[..4].SequenceEqual(BulkProtocol.Magic))
                {
                    Refused(logger, peer);
                    return;
                }

                var table = parking.Take(new Guid(request[4..]));
                if (table is null)
                {
                    socket.Send([BulkProtocol.Unknown]);
                    continue;
                }

                Send(socket, table);
            }
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
        {
            if (!stopped)
            {
                ConnectionFailed(logger, peer, e);
            }
        }
        finally
        {
            open.TryRemove(socket, out _);
            socket.Dispose();
        }
    }

    private static void Send(Socket socket, Table table)
    {
        Span<byte> head = stackalloc byte[9];
        head[0] = BulkProtocol.Found;
        BinaryPrimitives.WriteInt64LittleEndian(head[1..], table.ByteSize);
        BulkSockets.SendAll(socket, head);
        foreach (var block in new ColumnBlocks(table))
        {
            BulkSockets.SendAll(socket, block);
        }
    }
}
