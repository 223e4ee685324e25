using Rtl.Data;
using Rtl.Grains.Formats;
using Xunit;

namespace Rtl.Tests.Formats;

public class CsvFileTests
{
    private static readonly CsvOptions NoHeader = new() { Header = false };

    [Fact]
    public void Read_of_the_seeds_golden_csv_typed_by_its_meta_gives_its_rows()
    {
        var schema = MetaFile.Read(TableAssert.GoldenFile("golden.meta"));

        var table = CsvFile.Read(TableAssert.GoldenFile("golden.csv"), NoHeader with { Schema = schema });

        TableAssert.Identical(TableAssert.Golden(), table);
    }

    [Fact]
    public void Without_a_schema_integer_columns_are_i8_and_others_f8()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "a,b,c\n1,0.5,7\n-2,3,8\n3,1e3,9\n");

        var table = CsvFile.Read(path);

        Assert.Equal("[('a', '<i8'), ('b', '<f8'), ('c', '<i8')]", table.Schema.ToString());
        Assert.Equal([0.5, 3, 1000], table["b"].AsDoubles().ToArray());
        Assert.Equal([1.0, -2, 3], table["a"].AsDoubles().ToArray());
    }

    [Fact]
    public void A_float_after_integers_widens_the_whole_column()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "x\n1\n2\n2.5\n");

        var table = CsvFile.Read(path);

        Assert.Equal(DType.F8, table["x"].Type);
        Assert.Equal([1.0, 2, 2.5], table["x"].AsDoubles().ToArray());
    }

    [Theory]
    [InlineData("nan", double.NaN)]
    [InlineData("NaN", double.NaN)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("+inf", double.PositiveInfinity)]
    [InlineData("Infinity", double.PositiveInfinity)]
    public void Numpy_spellings_of_non_finite_values_parse_as_floats(string text, double expected)
    {
        using var dir = new TempDirectory();
        var path = Write(dir, $"x\n1\n{text}\n");

        var column = CsvFile.Read(path)["x"];

        Assert.Equal(DType.F8, column.Type);
        Assert.Equal(expected, column.GetDouble(1));
    }

    [Fact]
    public void Without_a_header_columns_are_named_by_position()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "1,2,3\n4,5,6\n");

        var table = CsvFile.Read(path, NoHeader);

        Assert.Equal(["0", "1", "2"], table.Names);
        Assert.Equal(2, table.RowCount);
    }

    [Fact]
    public void Given_names_replace_the_positional_ones()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "1;2\n4;5\n");

        var table = CsvFile.Read(path, NoHeader with { Delimiter = ';', Names = ["x", "y"] });

        Assert.Equal(["x", "y"], table.Names);
        Assert.Equal([2.0, 5], table["y"].AsDoubles().ToArray());
    }

    [Fact]
    public void Blank_lines_and_padding_spaces_are_ignored()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "\na , b\n\n 1, 2.5 \r\n\n3,4\n\n");

        var table = CsvFile.Read(path);

        Assert.Equal(["a", "b"], table.Names);
        Assert.Equal([1.0, 3], table["a"].AsDoubles().ToArray());
        Assert.Equal([2.5, 4], table["b"].AsDoubles().ToArray());
    }

    [Fact]
    public void A_header_only_file_gives_empty_columns()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "a,b\n");

        var table = CsvFile.Read(path);

        Assert.Equal(["a", "b"], table.Names);
        Assert.Equal(0, table.RowCount);
    }

    [Fact]
    public void Floats_round_trip_exactly_including_nan_and_infinities()
    {
        using var dir = new TempDirectory();
        var path = dir.File("f.csv");
        var table = Table.Create(("x", Column.Of(
            0.1, 1.0 / 3, -0.0, 1e-310, double.MaxValue, double.MinValue, 5e-324, double.NaN,
            double.PositiveInfinity, double.NegativeInfinity, 100, -2)));

        CsvFile.Write(path, table);

        TableAssert.Identical(table, CsvFile.Read(path));
        Assert.Contains("\nnan\ninf\n-inf\n100.0\n-2.0\n", File.ReadAllText(path));
    }

    [Fact]
    public void Every_dtype_round_trips_when_read_with_its_schema()
    {
        using var dir = new TempDirectory();
        var path = dir.File("all.csv");
        var table = TableAssert.EveryDType();

        CsvFile.Write(path, table, ';', header: false);

        TableAssert.Identical(table, CsvFile.Read(path, NoHeader with { Delimiter = ';', Schema = table.Schema }));
    }

    [Fact]
    public void Write_formats_integers_as_integers_and_booleans_as_1_and_0()
    {
        using var dir = new TempDirectory();
        var path = dir.File("t.csv");
        var table = Table.Create(("a", Column.Of(1L, -2)), ("b", Column.Of(0.5, 2)), ("c", Column.Of(new[] { true, false })));

        CsvFile.Write(path, table);

        Assert.Equal("a,b,c\n1,0.5,1\n-2,2.0,0\n", File.ReadAllText(path));
    }

    [Fact]
    public void Names_holding_the_delimiter_or_quotes_are_quoted_and_read_back()
    {
        using var dir = new TempDirectory();
        var path = dir.File("q.csv");
        var table = Table.Create(("x,y", Column.Of(1L)), ("say \"hi\"", Column.Of(2L)));

        CsvFile.Write(path, table);

        Assert.Equal(table.Names, CsvFile.Read(path).Names);
    }

    [Fact]
    public void Many_rows_round_trip()
    {
        using var dir = new TempDirectory();
        var path = dir.File("many.csv");
        var random = new Random(7);
        var table = Table.Create(
            ("id", Column.Of(Enumerable.Range(0, 200_000).Select(i => (long)i * 3 - 100).ToArray())),
            ("v", Column.Of(Enumerable.Range(0, 200_000).Select(_ => random.NextDouble() * 1e9 - 5e8).ToArray())));

        CsvFile.Write(path, table);

        TableAssert.Identical(table, CsvFile.Read(path));
    }

    [Fact]
    public void A_non_number_cell_is_an_error_naming_file_line_and_column_but_not_the_cell()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "a,b\n1,2\n3,oops\n");

        var error = Assert.Throws<FileFormatException>(() => CsvFile.Read(path));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("line 3", error.Message);
        Assert.Contains("column 2 ('b'): expected a number, found 4 characters", error.Message);
        Assert.DoesNotContain("oops", error.Message);
    }

    [Fact]
    public void A_cell_that_does_not_fit_the_schema_type_is_an_error()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "1,0.5\n2.5,1\n");
        var schema = new TableSchema([new("a", DType.I8), new("b", DType.F8)]);

        var error = Assert.Throws<FileFormatException>(() => CsvFile.Read(path, NoHeader with { Schema = schema }));

        Assert.StartsWith(path + ": line 2, column 1 ('a'): expected an integer (<i8), found 3 characters that are not one", error.Message);
    }

    [Fact]
    public void A_ragged_row_is_an_error_naming_the_line()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "1,2\n3,4\n5\n");

        var error = Assert.Throws<FileFormatException>(() => CsvFile.Read(path, NoHeader));

        Assert.StartsWith(path + ": line 3 has 1 value but the first row has 2", error.Message);
    }

    [Fact]
    public void A_first_row_that_is_ragged_against_the_schema_names_line_1()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "1,2,3\n");

        var error = Assert.Throws<FileFormatException>(() =>
            CsvFile.Read(path, NoHeader with { Schema = new TableSchema([new("a", DType.F8)]) }));

        Assert.StartsWith(path + ": line 1 has 3 values but the schema has 1 column", error.Message);
    }

    [Fact]
    public void A_duplicate_header_name_is_an_error()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "a,a\n1,2\n");

        var error = Assert.Throws<FileFormatException>(() => CsvFile.Read(path));

        Assert.StartsWith(path + ": line 1", error.Message);
        Assert.Contains("'a' appears twice", error.Message);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        using var dir = new TempDirectory();
        var path = dir.File("gone.csv");

        var error = Assert.Throws<FileFormatException>(() => CsvFile.Read(path));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("not found", error.Message);
    }

    [Fact]
    public void Names_and_schema_together_are_rejected()
    {
        var options = new CsvOptions { Names = ["a"], Schema = new TableSchema([new("a", DType.F8)]) };

        Assert.Throws<ArgumentException>(() => CsvFile.Read("x.csv", options));
    }

    private static string Write(TempDirectory dir, string text)
    {
        var path = dir.File("t.csv");
        File.WriteAllText(path, text);
        return path;
    }
}
