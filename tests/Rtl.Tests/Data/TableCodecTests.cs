using Xunit;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Rtl.Data;

namespace Rtl.Tests.Data;

public sealed class TableCodecTests
{
    private static readonly Serializer Serializer =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void Every_dtype_round_trips_through_the_wire_format_bit_for_bit()
    {
        var table = Table.Create(
            ("i8", Column.Of(long.MinValue, 0, long.MaxValue)),
            ("f8", Column.Of(double.NaN, double.NegativeInfinity, -0.0)),
            ("i4", new Column<int>([int.MinValue, 1, int.MaxValue])),
            ("f4", new Column<float>([float.NaN, 1.5f, float.PositiveInfinity])),
            ("b1", new Column<bool>([true, false, true])),
            ("u1", new Column<byte>([0, 128, 255])),
            ("naïve name", Column.Of(1.0, 2, 3)));
        var copy = Serializer.Deserialize<Table>(Serializer.SerializeToArray(table))!;
        Assert.Equal(table.Names, copy.Names);
        for (var i = 0; i < table.ColumnCount; i++)
        {
            Assert.Equal(table[i].Type, copy[i].Type);
            Assert.True(table[i].Bytes.SequenceEqual(copy[i].Bytes), table.Names[i]);
        }
    }

    [Fact]
    public void Each_column_is_one_raw_block_on_the_wire()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => i * 1.25).ToArray();
        var bytes = Serializer.SerializeToArray(Table.Create(("x", Column.Of(values))));
        var raw = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan());
        Assert.True(bytes.AsSpan().IndexOf(raw) >= 0, "the column's bytes appear contiguously");
        Assert.True(bytes.Length < raw.Length + 64, $"{bytes.Length} bytes for {raw.Length} bytes of data");
    }

    [Fact]
    public void An_empty_table_round_trips()
    {
        var copy = Serializer.Deserialize<Table>(Serializer.SerializeToArray(Table.Empty))!;
        Assert.Equal(0, copy.ColumnCount);
        var noRows = Table.Create(("a", Column.Of(Array.Empty<long>())));
        Assert.Equal(0, Serializer.Deserialize<Table>(Serializer.SerializeToArray(noRows))!.RowCount);
    }
}
