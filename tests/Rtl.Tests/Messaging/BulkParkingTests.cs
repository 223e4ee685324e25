using Rtl.Data;
using Rtl.Messaging.Bulk;
using Xunit;

namespace Rtl.Tests.Messaging;

public sealed class BulkParkingTests
{
    private static readonly TimeSpan Expiry = TimeSpan.FromSeconds(60);

    private static Table Doubles(int rows) => Table.Create(("x", Column.Of(Enumerable.Range(0, rows).Select(i => i * 0.5).ToArray())));

    [Fact]
    public void A_parked_table_is_taken_once_and_its_bytes_freed()
    {
        var parking = new BulkParking(1 << 20, Expiry, new SteppedClock());
        var table = Doubles(1000);
        var token = parking.TryPark(table)!.Value;
        Assert.Equal(8000, parking.ParkedBytes);
        Assert.Same(table, parking.Take(token));
        Assert.Null(parking.Take(token));
        Assert.Equal(0, parking.ParkedBytes);
        Assert.Equal((1, 1), (parking.Issued, parking.Fetched));
    }

    [Fact]
    public void An_unknown_token_finds_nothing()
    {
        var parking = new BulkParking(1 << 20, Expiry, new SteppedClock());
        parking.TryPark(Doubles(10));
        Assert.Null(parking.Take(Guid.NewGuid()));
    }

    [Fact]
    public void Past_the_byte_cap_a_table_is_refused_so_it_goes_inline()
    {
        var parking = new BulkParking(20_000, Expiry, new SteppedClock());
        Assert.NotNull(parking.TryPark(Doubles(2000)));
        Assert.Null(parking.TryPark(Doubles(1000)));
        Assert.Equal(16_000, parking.ParkedBytes);
        Assert.NotNull(parking.TryPark(Doubles(500)));
    }

    [Fact]
    public void An_unfetched_table_expires_and_a_sweep_frees_its_bytes()
    {
        var clock = new SteppedClock();
        var parking = new BulkParking(1 << 20, Expiry, clock);
        var kept = parking.TryPark(Doubles(100))!.Value;
        var late = parking.TryPark(Doubles(100))!.Value;
        clock.Advance(Expiry + TimeSpan.FromSeconds(1));
        Assert.Null(parking.Take(late));
        parking.Sweep();
        Assert.Equal((0, 0L), (parking.Count, parking.ParkedBytes));
        Assert.Null(parking.Take(kept));
    }

    [Fact]
    public void Tokens_are_distinct()
    {
        var parking = new BulkParking(1 << 30, Expiry, new SteppedClock());
        var tokens = Enumerable.Range(0, 1000).Select(_ => parking.TryPark(Doubles(1))!.Value).ToHashSet();
        Assert.Equal(1000, tokens.Count);
    }
}
