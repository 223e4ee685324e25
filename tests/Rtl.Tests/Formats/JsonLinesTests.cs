using Rtl.Data;
using Rtl.Grains.Formats;
using Xunit;

namespace Rtl.Tests.Formats;

public class JsonLinesTests
{
    private static readonly TextFileOptions Json = new() { Encoding = TextEncoding.JsonLines };

    [Fact]
    public void Keys_are_columns_in_the_first_lines_order()
    {
        using var dir = new TempDirectory();
        var path = TextFileTests.Write(dir, "{\"t\": 1, \"x\": 2.5}\n{\"x\": 3, \"t\": 2}\n\n{\"t\": -3, \"x\": 1e2}\n");

        var table = TextFile.Read(path, Json);

        Assert.Equal("[('t', '<i8'), ('x', '<f8')]", table.Schema.ToString());
        Assert.Equal([1L, 2, -3], ((Column<long>)table["t"]).Span.ToArray());
        Assert.Equal([2.5, 3, 100], table["x"].AsDoubles().ToArray());
    }

    [Fact]
    public void Null_and_non_finite_strings_are_floats()
    {
        using var dir = new TempDirectory();
        var path = TextFileTests.Write(dir, "{\"a\": 1}\n{\"a\": null}\n{\"a\": \"Infinity\"}\n{\"a\": \"-inf\"}\n{\"a\": \"NaN\"}\n");

        var column = TextFile.Read(path, Json)["a"];

        Assert.Equal(DType.F8, column.Type);
        var a = column.AsDoubles().ToArray();
        Assert.Equal(1, a[0]);
        Assert.True(double.IsNaN(a[1]));
        Assert.Equal([double.PositiveInfinity, double.NegativeInfinity], a[2..4]);
        Assert.True(double.IsNaN(a[4]));
    }

    [Fact]
    public void A_zlib_stream_of_json_lines_reads_like_the_text()
    {
        using var dir = new TempDirectory();
        var path = TextFileTests.WriteZlib(dir, "{\"a\": 1, \"b\": 0.25}\n{\"a\": 2, \"b\": null}\n");

        var table = JsonLines.Read(path, TextCompression.Zlib);

        Assert.Equal("[('a', '<i8'), ('b', '<f8')]", table.Schema.ToString());
        Assert.Equal(2, table.RowCount);
    }

    [Fact]
    public void An_empty_file_is_a_table_without_columns()
    {
        using var dir = new TempDirectory();

        Assert.Equal(0, TextFile.Read(TextFileTests.Write(dir, "\n\n"), Json).ColumnCount);
    }

    [Theory]
    [InlineData("{\"a\": 1}\n{\"a\": 2,}\n", "line 2, column 9: not valid JSON (The JSON object contains a trailing comma at the end which is not supported in this mode)")]
    [InlineData("{\"a\": 1}\n[1]\n", "line 2: expected a JSON object, got a list")]
    [InlineData("{\"a\": 1, \"b\": 2}\n{\"a\": 1}\n", "line 2: key 'b' (column 2) is missing (every line needs the first line's keys: a, b)")]
    [InlineData("{\"a\": 1}\n{\"a\": 1, \"c\": 2}\n", "line 2: key 'c' is not a column (the first line's keys are: a)")]
    [InlineData("{\"a\": 1, \"a\": 2}\n", "line 1: key 'a' appears twice")]
    [InlineData("{\"a\": 1}\n{\"a\": 1, \"a\": 2}\n", "line 2: key 'a' appears twice")]
    [InlineData("{\"a\": 1, \"b\": 2}\n{\"a\": 1, \"b\": \"x\"}\n", "line 2, column 2 ('b'): expected a number, found a string")]
    [InlineData("{\"a\": true}\n", "line 1, column 1 ('a'): expected a number, found true")]
    [InlineData("{\"a\": [1]}\n", "line 1, column 1 ('a'): expected a number, found a list")]
    public void A_bad_line_names_the_file_and_line(string text, string problem)
    {
        using var dir = new TempDirectory();
        var path = TextFileTests.Write(dir, text);

        var error = Assert.Throws<FileFormatException>(() => TextFile.Read(path, Json));

        Assert.Equal(path, error.Path);
        Assert.StartsWith($"{path}: {problem}", error.Message);
    }

    [Fact]
    public void A_corrupt_zlib_stream_is_an_error_not_a_crash()
    {
        using var dir = new TempDirectory();
        var path = TextFileTests.Write(dir, "{\"a\": 1}\n");

        var error = Assert.Throws<FileFormatException>(() => JsonLines.Read(path, TextCompression.Zlib));

        Assert.Contains("not a valid zlib stream", error.Message);
    }
}
