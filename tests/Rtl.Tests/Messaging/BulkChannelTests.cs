using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Rtl.Data;
using Rtl.Messaging;
using Rtl.Messaging.Bulk;
using Rtl.Tests.Formats;
using Xunit;

namespace Rtl.Tests.Messaging;

/// <summary>A real channel on loopback: its listener and the process's fetcher, no Orleans message around them.</summary>
public sealed class BulkChannelTests : IAsyncLifetime
{
    private readonly BulkChannel channel = new(new BulkChannelOptions { MinBytes = 1024 }, NullLogger<BulkChannel>.Instance);

    public Task InitializeAsync() => channel.StartAsync(CancellationToken.None);

    public Task DisposeAsync() => channel.StopAsync(CancellationToken.None);

    private static Table Mixed(int rows) => Table.Create(
        ("f8", Column.Of(Enumerable.Range(0, rows).Select(i => Math.Sqrt(i) - 7).ToArray())),
        ("i4", new Column<int>(Enumerable.Range(0, rows).Select(i => -i).ToArray())),
        ("b1", new Column<bool>(Enumerable.Range(0, rows).Select(i => i % 3 == 0).ToArray())));

    private static Table Fetch(BulkTicket ticket, Table like)
    {
        var columns = BulkFetcher.Fetch(ticket.Endpoint, ticket.Token, like.Columns.Select(c => c.Type).ToArray(), like.RowCount);
        return Table.Create(like.Names.Select((n, i) => KeyValuePair.Create(n, columns[i])).ToArray());
    }

    [Fact]
    public void A_parked_table_is_fetched_bit_for_bit_and_only_once()
    {
        var table = Mixed(100_000);
        var ticket = channel.TryPark(table)!;
        TableAssert.Identical(table, Fetch(ticket, table));
        var again = Assert.Throws<BulkFetchException>(() => Fetch(ticket, table));
        Assert.Contains("no longer holds the table", again.Message);
    }

    [Fact]
    public void A_filtered_table_is_sent_without_gathering_it_first()
    {
        var table = Mixed(50_000);
        var rows = Enumerable.Range(0, 50_000).Where(r => r % 7 != 0).Reverse().ToArray();
        var selected = table.Select(rows, rows.Length);
        var ticket = channel.TryPark(selected)!;
        var copy = Fetch(ticket, selected);
        TableAssert.Identical(table.Gather(rows), copy);
    }

    [Fact]
    public void Many_fetches_reuse_pooled_connections_and_run_concurrently()
    {
        var tables = Enumerable.Range(1, 16).Select(i => Mixed(10_000 * i)).ToArray();
        var tickets = tables.Select(t => channel.TryPark(t)!).ToArray();
        Parallel.For(0, tables.Length, i => TableAssert.Identical(tables[i], Fetch(tickets[i], tables[i])));
        Assert.Equal(16, channel.Parking.Fetched);
    }

    [Fact]
    public void A_table_below_the_threshold_gets_no_ticket()
    {
        Assert.Null(channel.TryPark(Mixed(10)));
    }

    [Fact]
    public void A_peer_sending_garbage_is_refused_and_the_channel_keeps_serving()
    {
        using (var peer = new Socket(SocketType.Stream, ProtocolType.Tcp))
        {
            peer.Connect(channel.Endpoint!);
            peer.Send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8);
            peer.ReceiveTimeout = 10_000;
            try
            {
                Assert.Equal(0, peer.Receive(new byte[16]));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                // Closed with the rest of the garbage unread: the kernel resets instead of closing cleanly.
            }
        }

        var table = Mixed(1000);
        TableAssert.Identical(table, Fetch(channel.TryPark(table)!, table));
    }

    [Fact]
    public void A_stopped_channel_is_a_clear_error_not_a_hang()
    {
        var table = Mixed(1000);
        var ticket = channel.TryPark(table)!;
        channel.Dispose();
        var error = Assert.Throws<BulkFetchException>(() => Fetch(ticket, table));
        Assert.Contains(ticket.Endpoint.ToString(), error.Message);
    }

    [Fact]
    public void Outside_an_orleans_message_the_codec_writes_a_large_table_inline()
    {
        var serializer = new ServiceCollection().AddSingleton(channel).AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var table = Mixed(100_000);
        TableAssert.Identical(table, serializer.Deserialize<Table>(serializer.SerializeToArray(table))!);
        Assert.Equal(0, channel.Parking.Issued);
    }

    [Fact]
    public void The_orleans_message_writer_type_is_found()
    {
        // If an Orleans upgrade renames it, tables silently stop using the channel: this says so.
        Assert.NotNull(TableCodec.MessageWriter);
    }
}
