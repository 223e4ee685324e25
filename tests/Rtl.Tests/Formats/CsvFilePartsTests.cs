using System.Globalization;
using System.Text;
using Rtl.Data;
using Rtl.Grains.Formats;
using Xunit;

namespace Rtl.Tests.Formats;

/// <summary>The mapped reader cuts files into parts parsed in parallel: its result must not depend on where the cuts fall.</summary>
public class CsvFilePartsTests
{
    private const long OnePart = long.MaxValue;

    [Theory]
    [InlineData(64)]
    [InlineData(1000)]
    [InlineData(8192)]
    public void Any_cut_into_parts_gives_exactly_the_one_part_result(long partBytes)
    {
        using var dir = new TempDirectory();
        var path = dir.File("mixed.csv");
        File.WriteAllText(path, MixedCsv(rows: 2000, seed: 3));

        var whole = CsvFile.Read(path, null, OnePart);

        TableAssert.Identical(whole, CsvFile.Read(path, null, partBytes));
        Assert.Equal("[('id', '<i8'), ('r', '<f8'), ('short', '<f8'), ('late', '<f8'), ('z', '<f8'), ('k', '<i8')]", whole.Schema.ToString());
    }

    [Fact]
    public void A_file_read_in_parallel_equals_the_same_rows_read_by_sep()
    {
        using var dir = new TempDirectory();
        var path = dir.File("big.csv");
        var text = MixedCsv(rows: 100_000, seed: 5);
        File.WriteAllText(path, text);
        var quoted = dir.File("quoted.csv");
        File.WriteAllText(quoted, "\"id\"" + text[text.IndexOf(',')..]); // a quoted name sends the file to Sep

        Assert.True(new FileInfo(path).Length > 4 << 20, "the file must span several default parts");
        TableAssert.Identical(CsvFile.Read(quoted), CsvFile.Read(path));
    }

    [Fact]
    public void Numbers_parse_bit_exactly_like_double_parse_in_every_part()
    {
        using var dir = new TempDirectory();
        var path = dir.File("numbers.csv");
        var random = new Random(17);
        string[] formats = ["R", "G17", "E16", "F2", "F6", "0.0##", "E3", "G5"];
        var texts = new List<string>();
        for (var i = 0; i < 40_000; i++)
        {
            var value = (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-25, 25));
            texts.Add(value.ToString(formats[i % formats.Length], CultureInfo.InvariantCulture));
        }

        texts.AddRange(["-0", "0.0", "-0.0", ".5", "-.5", "1.", "+7.25", "00012.50", "9007199254740993", "123456789012345678901",
            "4.9e-324", "1.7976931348623157e308", "1e23", "0.30000000000000004", "1E+5", " 2.5 ", "nan", "inf", "-inf"]);
        File.WriteAllText(path, "v\n" + string.Join('\n', texts) + "\n");

        var column = (Column<double>)CsvFile.Read(path, null, 256)["v"];

        for (var i = 0; i < texts.Count; i++)
        {
            var expected = texts[i].Trim() switch
            {
                "nan" => double.NaN,
                "inf" => double.PositiveInfinity,
                "-inf" => double.NegativeInfinity,
                var t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(column[i]), $"'{texts[i]}' read as {column[i]:R}");
        }
    }

    [Fact]
    public void An_error_deep_in_a_parallel_read_names_its_line()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.csv");
        var lines = MixedCsv(rows: 60_000, seed: 9).Split('\n');
        lines[45_678] = "1,2,3,oops,5,6"; // line 45,679 of the file
        File.WriteAllText(path, string.Join('\n', lines));

        var error = Assert.Throws<FileFormatException>(() => CsvFile.Read(path));

        Assert.Equal(path + ": line 45679, column 4 ('late'): expected a number, found 4 characters that are not one", error.Message);
    }

    [Fact]
    public void The_first_of_several_errors_in_different_parts_is_the_one_reported()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.csv");
        var lines = MixedCsv(rows: 5000, seed: 2).Split('\n');
        lines[4000] = "1,2";
        lines[1234] = "1,2,3,4,5,6,7";
        File.WriteAllText(path, string.Join('\n', lines));

        var error = Assert.Throws<FileFormatException>(() => CsvFile.Read(path, null, 100));

        Assert.Equal(path + ": line 1235 has 7 values but the header has 6 columns", error.Message);
    }

    [Fact]
    public void A_quoted_cell_deep_in_the_file_is_read_by_sep()
    {
        using var dir = new TempDirectory();
        var path = dir.File("q.csv");
        var text = new StringBuilder("a,b\n");
        for (var i = 0; i < 3000; i++)
        {
            text.Append(i == 2500 ? "\"7.5\",1\n" : $"{i},{i * 2}\n");
        }

        File.WriteAllText(path, text.ToString());

        var table = CsvFile.Read(path, null, 128);

        Assert.Equal(DType.F8, table["a"].Type);
        Assert.Equal(7.5, table["a"].GetDouble(2500));
        Assert.Equal(2999.0, table["a"].GetDouble(2999));
    }

    [Fact]
    public void Old_mac_line_breaks_are_read_by_sep()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cr.csv");
        File.WriteAllText(path, "a,b\r1,2\r3,4\r");

        var table = CsvFile.Read(path);

        Assert.Equal([1.0, 3], table["a"].AsDoubles().ToArray());
        Assert.Equal([2.0, 4], table["b"].AsDoubles().ToArray());
    }

    [Fact]
    public void A_byte_order_mark_and_a_missing_last_line_break_are_fine()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bom.csv");
        File.WriteAllText(path, "x,y\r\n1,2.5\r\n3,4", new UTF8Encoding(true));

        var table = CsvFile.Read(path, null, 4);

        Assert.Equal(["x", "y"], table.Names);
        Assert.Equal([1L, 3], ((Column<long>)table["x"]).Span.ToArray());
        Assert.Equal([2.5, 4], table["y"].AsDoubles().ToArray());
    }

    [Theory]
    [InlineData(OnePart)]
    [InlineData(8)]
    public void Negative_zero_keeps_its_sign_when_its_integer_column_turns_float(long partBytes)
    {
        using var dir = new TempDirectory();
        var path = dir.File("z.csv");
        File.WriteAllText(path, "z\n-0\n1\n2\n3\n-0\n0.5\n-0\n");

        var column = (Column<double>)CsvFile.Read(path, null, partBytes)["z"];

        Assert.Equal([true, false, false, false, true, false, true], column.Span.ToArray().Select(double.IsNegative).ToArray());
    }

    [Fact]
    public void Schema_types_parse_the_same_in_parts()
    {
        using var dir = new TempDirectory();
        var path = dir.File("all.csv");
        var table = TableAssert.EveryDType();
        CsvFile.Write(path, table, '\t', header: false);

        TableAssert.Identical(table, CsvFile.Read(path, new CsvOptions { Header = false, Delimiter = '\t', Schema = table.Schema }, 16));
    }

    /// <summary>
    /// Integers, 17-digit floats, short decimals, a column that turns float only near the end, padded cells,
    /// non-finite values, -0, blank lines and CRLF line ends.
    /// </summary>
    private static string MixedCsv(int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("id,r,short,late,z,k\n");
        for (var i = 0; i < rows; i++)
        {
            var r = (random.NextDouble() * 2000) - 1000;
            var special = (i % 997) switch { 5 => "nan", 6 => "inf", 7 => "-inf", 8 => " 12.5 ", _ => r.ToString("R", CultureInfo.InvariantCulture) };
            var late = i == rows - 3 ? "0.25" : (i % 11 == 0 ? "-0" : (i * 7).ToString(CultureInfo.InvariantCulture));
            var z = i % 13 == 0 ? "-0" : i % 17 == 0 ? "1e-5" : (i % 50).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{i - 300},{special},{Math.Round(r, 2).ToString(CultureInfo.InvariantCulture)},{late},{z},{random.Next(-5000, 5000)}");
            text.Append(i % 101 == 0 ? "\r\n" : "\n");
            if (i % 257 == 0)
            {
                text.Append(i % 2 == 0 ? "\n" : "  \n");
            }
        }

        return text.ToString();
    }
}
