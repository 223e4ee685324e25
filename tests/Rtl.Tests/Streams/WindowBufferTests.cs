using Rtl.Grains.Streams.Internals;
using Rtl.Streams;
using Xunit;

namespace Rtl.Tests.Streams;

public sealed class WindowBufferTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private static RowBatch Batch(params (string Name, double[] Values)[] columns) =>
        new(columns.Select(c => c.Name).ToArray(), columns.Select(c => c.Values).ToArray());

    [Fact]
    public void A_window_spans_batches_and_fills_keys_a_row_lacks_with_nan()
    {
        var buffer = new WindowBuffer(100);
        buffer.Add(Batch(("t", [1, 2])), Now);
        buffer.Add(Batch(("t", [3]), ("s", [30])), Now);
        buffer.Add(Batch(("s", [40, 50])), Now);

        var window = buffer.Take(4, Now);

        Assert.Equal(["t", "s"], window.Names);
        Assert.Equal([1, 2, 3, double.NaN], window["t"].AsDoubles().ToArray());
        Assert.Equal([double.NaN, double.NaN, 30, 40], window["s"].AsDoubles().ToArray());
        Assert.Equal(1, buffer.Count);
        Assert.Equal([50.0], buffer.Take(1, Now)["s"].AsDoubles().ToArray());
        Assert.Null(buffer.OpenedAt);
    }

    [Fact]
    public void A_full_buffer_drops_the_oldest_rows_and_counts_them()
    {
        var buffer = new WindowBuffer(3);
        Assert.Equal(0, buffer.Add(Batch(("t", [1, 2])), Now));
        Assert.Equal(2, buffer.Add(Batch(("t", [3, 4, 5])), Now));

        Assert.Equal([3, 4, 5], buffer.Take(3, Now)["t"].AsDoubles().ToArray());
    }

    [Fact]
    public void A_batch_larger_than_the_buffer_keeps_its_newest_rows()
    {
        var buffer = new WindowBuffer(2);
        Assert.Equal(3, buffer.Add(Batch(("t", [1, 2, 3, 4, 5])), Now));
        Assert.Equal([4, 5], buffer.Take(10, Now)["t"].AsDoubles().ToArray());
    }

    [Fact]
    public void A_slice_of_a_batch_adds_only_its_rows_and_room_is_what_fits_before_dropping()
    {
        var buffer = new WindowBuffer(4);
        var batch = Batch(("t", [1, 2, 3, 4, 5, 6]));
        Assert.Equal(0, buffer.Add(batch, 1, 3, Now));
        Assert.Equal(1, buffer.Room);
        Assert.Equal(1, buffer.Add(batch, 4, 2, Now));

        Assert.Equal([3, 4, 5, 6], buffer.Take(4, Now)["t"].AsDoubles().ToArray());
        Assert.Equal(4, buffer.Room);
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Add(batch, 5, 2, Now));
    }
}
