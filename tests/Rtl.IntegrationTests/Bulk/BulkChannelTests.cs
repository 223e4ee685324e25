using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rtl.Client;
using Rtl.Data;
using Rtl.IntegrationTests.Cluster;
using Rtl.IntegrationTests.Postgres;
using Rtl.Messaging.Bulk;
using Rtl.Pipelines;
using Xunit;

namespace Rtl.IntegrationTests.Bulk;

/// <summary>Two real silos (as <c>rtl silo</c> builds them, SQLite) with their bulk channels, and a client.</summary>
public sealed class BulkSilos : IAsyncLifetime
{
    // Nothing set: the channel is on by default.
    public RtlSilos Silos { get; } = new();

    public IHost First { get; private set; } = null!;

    public IHost Second { get; private set; } = null!;

    public RtlClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        First = await Silos.StartSiloAsync();
        Second = await Silos.StartSiloAsync();
        Client = await Silos.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await Silos.DisposeAsync();
    }

    public static BulkParking Parking(IHost silo) => silo.Services.GetRequiredService<BulkChannel>().Parking;

    public long Issued => Parking(First).Issued + Parking(Second).Issued;

    public long Fetched => Parking(First).Fetched + Parking(Second).Fetched;
}

public sealed class BulkChannelTests(BulkSilos silos) : IClassFixture<BulkSilos>
{
    private static Table Doubles(int rows, int seed) => Table.Create(
        ("p", Column.Of(Enumerable.Range(0, rows).Select(i => Math.Sin(i + seed)).ToArray())),
        ("q", Column.Of(Enumerable.Range(0, rows).Select(i => (double)(i ^ seed)).ToArray())));

    /// <summary>Relays 1 and 2 on different silos (each placed on the silo whose factory first calls it).</summary>
    private async Task<(ITableProbeGrain From, ITableProbeGrain To)> Relays(int pair)
    {
        var from = silos.First.Services.GetRequiredService<IGrainFactory>().GetGrain<ITableProbeGrain>(1000 + pair);
        var to = silos.Second.Services.GetRequiredService<IGrainFactory>().GetGrain<ITableProbeGrain>(2000 + pair);
        Assert.NotEqual(await from.Silo(), await to.Silo());
        return (from, to);
    }

    [Fact]
    public async Task A_large_table_goes_from_silo_to_silo_on_the_channel_bit_for_bit()
    {
        var (from, to) = await Relays(1);
        var table = Doubles(400_000, 1); // 6.4 MB
        var (issued, fetched) = (silos.Issued, silos.Fetched);
        var receipt = await from.SendTo(2001, table);
        Assert.Equal(TableProbeGrain.Checksum(table), receipt.Checksum);
        Assert.Equal(await to.Silo(), receipt.Silo);
        Assert.True(silos.Issued > issued, "the sending silo parked the table");
        Assert.True(silos.Fetched > fetched, "the receiving silo fetched it");
    }

    [Fact]
    public async Task A_table_below_the_threshold_stays_inline()
    {
        var (from, _) = await Relays(2);
        var table = Doubles(1000, 2); // 16 KB
        var issued = BulkSilos.Parking(silos.First).Issued;
        var receipt = await from.SendTo(2002, table);
        Assert.Equal(TableProbeGrain.Checksum(table), receipt.Checksum);
        Assert.Equal(issued, BulkSilos.Parking(silos.First).Issued);
    }

    [Fact]
    public async Task A_large_result_reaches_the_client_on_the_channel_bit_for_bit()
    {
        var input = Doubles(300_000, 3);
        var pipeline = Pipeline.Builder().Stage(s => s.Task("add", new { operations = new[] { new { a = "p", b = "q", column = "r" } } })).Build();
        var fetched = silos.Fetched;
        var result = await silos.Client.RunAsync(pipeline, input);
        var expected = input["p"].AsDoubles().ToArray().Zip(input["q"].AsDoubles().ToArray(), (p, q) => p + q).ToArray();
        Assert.Equal(["p", "q", "r"], result.Table!.Names);
        Assert.True(input["p"].Bytes.SequenceEqual(result.Table["p"].Bytes));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.AsBytes(expected.AsSpan()).SequenceEqual(result.Table["r"].Bytes));
        Assert.True(silos.Fetched > fetched, "the 7.2 MB result crossed on the channel");
    }

    [Fact]
    public async Task A_large_input_from_a_client_on_the_same_host_crosses_on_the_clients_channel_bit_for_bit()
    {
        // The fixture's client reaches the silos through the data dir's SQLite file: the same host, so it parks inputs.
        var client = silos.Client.Cluster.ServiceProvider.GetRequiredService<BulkChannel>();
        var input = Doubles(400_000, 5); // 6.4 MB
        var pipeline = Pipeline.Builder().Stage(s => s.Task("add", new { operations = new[] { new { a = "p", b = "q", column = "r" } } })).Build();
        var (issued, fetched) = (client.Parking.Issued, client.Parking.Fetched);

        var result = await silos.Client.RunAsync(pipeline, input);

        Assert.True(client.Parking.Issued > issued, "the client parked its input");
        Assert.True(client.Parking.Fetched > fetched, "a silo fetched it from the client");
        Assert.True(input["q"].Bytes.SequenceEqual(result.Table!["q"].Bytes));
        var expected = input["p"].AsDoubles().ToArray().Zip(input["q"].AsDoubles().ToArray(), (p, q) => p + q).ToArray();
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.AsBytes(expected.AsSpan()).SequenceEqual(result.Table["r"].Bytes));
    }

    [Fact]
    public async Task A_ticket_whose_table_is_gone_fails_the_call_with_a_clear_error_and_the_silos_keep_serving()
    {
        var silo = silos.First.Services.GetRequiredService<BulkChannel>();
        var error = Assert.Throws<BulkFetchException>(() => BulkFetcher.Fetch(silo.Endpoint!, Guid.NewGuid(), [DType.F8], 1 << 20));
        Assert.Contains("no longer holds the table", error.Message);
        await A_large_table_goes_from_silo_to_silo_on_the_channel_bit_for_bit();
    }
}
