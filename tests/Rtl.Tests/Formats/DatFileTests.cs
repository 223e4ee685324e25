using Rtl.Data;
using Rtl.Grains.Formats;
using Xunit;

namespace Rtl.Tests.Formats;

public class DatFileTests
{
    private const string GoldenHex = "0100000000000000000000000000e03f0200000000000000000000000000f83f030000000000000000000000000002c0";

    [Fact]
    public void Write_gives_the_seeds_exact_48_bytes()
    {
        using var dir = new TempDirectory();
        var path = dir.File("golden.dat");

        DatFile.Write(path, TableAssert.Golden());

        Assert.Equal(GoldenHex, Convert.ToHexStringLower(File.ReadAllBytes(path)));
    }

    [Fact]
    public void Read_of_the_seeds_golden_dat_gives_its_rows()
    {
        var table = DatFile.Read(TableAssert.GoldenFile("golden.dat"), MetaFile.Read(TableAssert.GoldenFile("golden.meta")));

        TableAssert.Identical(TableAssert.Golden(), table);
    }

    [Fact]
    public void Every_dtype_round_trips_exactly_with_unaligned_fields()
    {
        using var dir = new TempDirectory();
        var path = dir.File("all.dat");
        var table = TableAssert.EveryDType();

        DatFile.Write(path, table);

        Assert.Equal(4 * (8 + 8 + 4 + 4 + 1 + 1), new FileInfo(path).Length);
        TableAssert.Identical(table, DatFile.Read(path, table.Schema));
    }

    [Fact]
    public void Mixed_sizes_are_packed_in_column_order()
    {
        using var dir = new TempDirectory();
        var path = dir.File("mixed.dat");
        var table = Table.Create(("u", Column.Of(new byte[] { 0xAA })), ("i", Column.Of(new[] { 0x01020304 })), ("l", Column.Of(-2L)));

        DatFile.Write(path, table);

        Assert.Equal("aa04030201feffffffffffffff", Convert.ToHexStringLower(File.ReadAllBytes(path)));
    }

    [Fact]
    public void Non_finite_floats_round_trip()
    {
        using var dir = new TempDirectory();
        var path = dir.File("nan.dat");
        var table = Table.Create(("x", Column.Of(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0)));

        DatFile.Write(path, table);

        TableAssert.Identical(table, DatFile.Read(path, table.Schema));
    }

    [Fact]
    public void An_empty_file_is_a_table_with_no_rows()
    {
        using var dir = new TempDirectory();
        var path = dir.File("empty.dat");
        File.WriteAllBytes(path, []);

        var table = DatFile.Read(path, new TableSchema([new("a", DType.I8)]));

        Assert.Equal(0, table.RowCount);
        Assert.Equal(["a"], table.Names);
    }

    [Fact]
    public void Two_million_rows_round_trip_exactly()
    {
        using var dir = new TempDirectory();
        var path = dir.File("big.dat");
        const int Rows = 2_000_000;
        var random = new Random(42);
        var ids = new long[Rows];
        var values = new double[Rows];
        for (var i = 0; i < Rows; i++)
        {
            ids[i] = random.NextInt64();
            values[i] = random.NextDouble() * 1e6;
        }

        var table = Table.Create(("id", Column.Of(ids)), ("value", Column.Of(values)));

        DatFile.Write(path, table);
        var back = DatFile.Read(path, table.Schema);

        Assert.Equal(Rows * 16L, new FileInfo(path).Length);
        TableAssert.Identical(table, back);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3_000_001)]
    public void A_single_column_round_trips(int rows)
    {
        using var dir = new TempDirectory();
        var path = dir.File("one.dat");
        var table = Table.Create(("x", Column.Of(Enumerable.Range(0, rows).Select(i => i * 0.25).ToArray())));

        DatFile.Write(path, table);

        TableAssert.Identical(table, DatFile.Read(path, table.Schema));
    }

    [Fact]
    public void A_wide_table_of_eight_byte_columns_round_trips_across_chunks_and_parts()
    {
        // dev.py's shape, cut short: 27 <f8/<i8 fields, read column by column per chunk and by two row ranges.
        using var dir = new TempDirectory();
        var path = dir.File("metrics.dat");
        const int Rows = 51_461;
        var random = new Random(7);
        var table = Table.Create(Enumerable.Range(0, 27).Select(c => KeyValuePair.Create($"m{c}", c % 3 == 0
            ? (Column)Column.Of(Enumerable.Range(0, Rows).Select(_ => random.NextInt64()).ToArray())
            : Column.Of(Enumerable.Range(0, Rows).Select(_ => random.NextDouble() * 1e9).ToArray()))));

        DatFile.Write(path, table);

        Assert.True(new FileInfo(path).Length > 2 * DatFile.ParallelBytes, "the file must be read in two parts");
        TableAssert.Identical(table, DatFile.Read(path, table.Schema));
    }

    [Fact]
    public void Many_narrow_columns_round_trip_across_chunks()
    {
        using var dir = new TempDirectory();
        var path = dir.File("wide.dat");
        const int Rows = 70_001;
        var table = Table.Create(Enumerable.Range(0, 300).Select(c => KeyValuePair.Create(
            $"c{c}", (Column)Column.Of(Enumerable.Range(0, Rows).Select(r => (byte)(r * 31 + c)).ToArray()))));

        DatFile.Write(path, table);

        TableAssert.Identical(table, DatFile.Read(path, table.Schema));
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it_and_the_record_size()
    {
        using var dir = new TempDirectory();
        var path = dir.File("missing.dat");

        var error = Assert.Throws<FileFormatException>(() => DatFile.Read(path, TableAssert.Golden().Schema));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("not found", error.Message);
        Assert.Contains("16-byte records", error.Message);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void A_truncated_file_is_an_error_naming_the_record_size_and_actual_size()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cut.dat");
        File.WriteAllBytes(path, Convert.FromHexString(GoldenHex)[..47]);

        var error = Assert.Throws<FileFormatException>(() => DatFile.Read(path, TableAssert.Golden().Schema));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("47 bytes", error.Message);
        Assert.Contains("16-byte records", error.Message);
    }

    [Fact]
    public void A_meta_that_does_not_match_the_size_is_an_error()
    {
        using var dir = new TempDirectory();
        var path = dir.File("golden.dat");
        File.WriteAllBytes(path, Convert.FromHexString(GoldenHex));
        var wrong = new TableSchema([new("a", DType.I8), new("b", DType.F8), new("c", DType.I4)]);

        var error = Assert.Throws<FileFormatException>(() => DatFile.Read(path, wrong));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("48 bytes", error.Message);
        Assert.Contains("20-byte records", error.Message);
        Assert.Contains(".meta", error.Message);
    }

    [Fact]
    public void A_schema_without_columns_is_an_error()
    {
        var error = Assert.Throws<FileFormatException>(() => DatFile.Read(TableAssert.GoldenFile("golden.dat"), TableSchema.Empty));

        Assert.Contains("golden.dat: ", error.Message);
    }
}
