using System.Net;
using System.Net.Sockets;
using Rtl.Data;

namespace Rtl.Benchmarks;

/// <summary>
/// The floor for moving a table between processes: its columns written straight from their arrays onto one loopback
/// TCP connection and read straight into fresh arrays, no framing and no intermediate buffer.
/// </summary>
public sealed class RawSocketCopy : IDisposable
{
    private readonly Socket sender;
    private readonly Socket receiver;

    private RawSocketCopy(Socket sender, Socket receiver) => (this.sender, this.receiver) = (sender, receiver);

    public static async Task<RawSocketCopy> OpenAsync()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await receiver.ConnectAsync(listener.LocalEndPoint!);
        var sender = await listener.AcceptAsync();
        sender.NoDelay = true;
        return new RawSocketCopy(sender, receiver);
    }

    /// <summary>Sends every column of <paramref name="table"/> from a thread of its own and receives them into new columns here.</summary>
    public Table Copy(Table table)
    {
        var send = Task.Factory.StartNew(() =>
        {
            foreach (var column in table.Columns)
            {
                var left = column.Bytes;
                while (left.Length > 0)
                {
                    left = left[sender.Send(left)..];
                }
            }
        }, TaskCreationOptions.LongRunning);
        var columns = new KeyValuePair<string, Column>[table.ColumnCount];
        for (var i = 0; i < columns.Length; i++)
        {
            var allocation = Column.Allocate(table[i].Type, table.RowCount);
            var left = allocation.WritableBytes;
            while (left.Length > 0)
            {
                var read = receiver.Receive(left);
                left = read > 0 ? left[read..] : throw new EndOfStreamException();
            }

            columns[i] = KeyValuePair.Create(table.Names[i], allocation.Column);
        }

        send.Wait();
        return Table.Create(columns);
    }

    public void Dispose()
    {
        sender.Dispose();
        receiver.Dispose();
    }
}
