using System.Buffers;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Rtl.Data;
using Xunit;

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

    [Fact]
    public void A_filtered_table_goes_on_the_wire_without_gathering_its_columns_in_memory()
    {
        var table = Wide(50_000);
        var rows = Enumerable.Range(0, 50_000).Where(r => r % 3 != 0).Reverse().ToArray();
        var selected = table.Select(rows, rows.Length);
        var copy = Serializer.Deserialize<Table>(Serializer.SerializeToArray(selected))!;
        Assert.All(selected.Columns, column => Assert.False(column.IsMaterialized));
        AssertBitExact(table.Gather(rows), copy);
    }

    /// <summary>Every dtype, random bit patterns (NaN payloads, negative zeros, bools as raw bytes), big enough
    /// that the eight-byte columns land on the large object heap.</summary>
    private static Table Wide(int rows)
    {
        var random = new Random(42);
        T[] Bits<T>() where T : unmanaged
        {
            var values = new T[rows];
            random.NextBytes(MemoryMarshal.AsBytes(values.AsSpan()));
            return values;
        }

        var flags = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            flags[i] = random.Next(2) == 1;
        }

        return Table.Create(
            ("i8", Column.Of(Bits<long>())),
            ("f8", Column.Of(Bits<double>())),
            ("i4", new Column<int>(Bits<int>())),
            ("f4", new Column<float>(Bits<float>())),
            ("b1", new Column<bool>(flags)),
            ("u1", new Column<byte>(Bits<byte>())),
            ("naïve name", Column.Of(Bits<double>())));
    }

    private static void AssertBitExact(Table expected, Table actual)
    {
        Assert.Equal(expected.Names, actual.Names);
        Assert.Equal(expected.RowCount, actual.RowCount);
        for (var i = 0; i < expected.ColumnCount; i++)
        {
            Assert.Equal(expected[i].Type, actual[i].Type);
            Assert.True(expected[i].Bytes.SequenceEqual(actual[i].Bytes), expected.Names[i]);
        }
    }

    /// <summary>The frame as the network hands it over: many buffers, split anywhere (inside the header, a name,
    /// a value).</summary>
    private static ReadOnlySequence<byte> Chunked(byte[] bytes, int size)
    {
        Segment? first = null;
        Segment? last = null;
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var segment = new Segment(bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset)), offset);
            if (last is null)
            {
                first = segment;
            }
            else
            {
                last.Next = segment;
            }

            last = segment;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex) => (Memory, RunningIndex) = (memory, runningIndex);

        public new ReadOnlySequenceSegment<byte>? Next { set => base.Next = value; }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4093)]
    [InlineData(4096)]
    [InlineData(65536)]
    public void A_table_arriving_in_many_buffers_round_trips_bit_for_bit(int bufferSize)
    {
        var table = Wide(20_000);
        var bytes = Serializer.SerializeToArray(table);
        var sequence = Chunked(bytes, bufferSize);
        Assert.Equal(bytes.Length <= bufferSize, sequence.IsSingleSegment);
        AssertBitExact(table, Serializer.Deserialize<Table>(sequence)!);
    }

    [Fact]
    public void A_table_read_from_a_stream_round_trips_bit_for_bit()
    {
        var table = Wide(5_000);
        using var stream = new MemoryStream(Serializer.SerializeToArray(table));
        AssertBitExact(table, Serializer.Deserialize<Table>(stream)!);
    }

    [Fact]
    public void The_same_table_twice_in_one_message_arrives_as_one_instance()
    {
        var table = Wide(100);
        var copy = Serializer.Deserialize<Table[]>(Serializer.SerializeToArray(new[] { table, table }))!;
        AssertBitExact(table, copy[0]);
        Assert.Same(copy[0], copy[1]);
    }

    [Fact]
    public void A_truncated_frame_is_refused()
    {
        var bytes = Serializer.SerializeToArray(Wide(1_000));
        Assert.ThrowsAny<Exception>(() => Serializer.Deserialize<Table>(Chunked(bytes[..^3], 64)));
        Assert.ThrowsAny<Exception>(() => Serializer.Deserialize<Table>(bytes[..^3]));
    }

    /// <summary>Where the header (version, rows, column count) starts in a serialised two-column table.</summary>
    private static int HeaderAt(byte[] bytes, int rows)
    {
        var header = new byte[9];
        header[0] = 1;
        BitConverter.TryWriteBytes(header.AsSpan(1), rows);
        BitConverter.TryWriteBytes(header.AsSpan(5), 2);
        var at = bytes.AsSpan().IndexOf(header);
        Assert.True(at > 0);
        return at;
    }

    [Fact]
    public void A_row_count_that_disagrees_with_the_frame_length_is_refused_before_allocating()
    {
        const int rows = 12_345;
        var bytes = Serializer.SerializeToArray(Table.Create(("a", Column.Of(new double[rows])), ("b", Column.Of(new long[rows]))));
        BitConverter.TryWriteBytes(bytes.AsSpan(HeaderAt(bytes, rows) + 1), int.MaxValue);
        Assert.Throws<InvalidDataException>(() => Serializer.Deserialize<Table>(bytes));
    }

    [Fact]
    public void An_unknown_dtype_is_refused()
    {
        const int rows = 12_346;
        var bytes = Serializer.SerializeToArray(Table.Create(("a", Column.Of(new double[rows])), ("b", Column.Of(new long[rows]))));
        // header (9 bytes), then name length (4), the name "a", then its dtype byte
        var dtype = HeaderAt(bytes, rows) + 9 + 4 + 1;
        Assert.Equal((byte)DType.F8, bytes[dtype]);
        bytes[dtype] = 99;
        Assert.Throws<InvalidDataException>(() => Serializer.Deserialize<Table>(bytes));
    }
}
