using System.Globalization;
using Rtl.Grains.Formats.Internals;
using Xunit;

namespace Rtl.Tests.Formats;

public class CellNumbersTests
{
    [Fact]
    public void Parsing_gives_the_same_double_as_the_runtime_for_many_spellings()
    {
        var random = new Random(11);
        string[] formats = ["R", "F0", "F2", "F6", "E3", "E16", "G17", "0.###############"];
        for (var i = 0; i < 20_000; i++)
        {
            var value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30));
            foreach (var format in formats)
            {
                var text = value.ToString(format, CultureInfo.InvariantCulture);

                Assert.True(CellNumbers.TryParse(text, out double parsed), text);
                Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(parsed));
            }
        }
    }

    [Theory]
    [InlineData("-0", true)]
    [InlineData("-0.0", true)]
    [InlineData("9007199254740993", false)]
    [InlineData("123456789012345678901", false)]
    [InlineData("1e22", false)]
    [InlineData("1e23", false)]
    [InlineData("4.9e-324", false)]
    public void Edge_cases_match_the_runtime(string text, bool negativeZero)
    {
        Assert.True(CellNumbers.TryParse(text, out double parsed));

        Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(parsed));
        Assert.Equal(negativeZero, double.IsNegative(parsed) && parsed == 0);
    }

    [Theory]
    [InlineData("12", true, 12L)]
    [InlineData(" -7 ", true, -7L)]
    [InlineData("+3", true, 3L)]
    [InlineData("9223372036854775807", true, long.MaxValue)]
    [InlineData("-9223372036854775808", true, long.MinValue)]
    [InlineData("9223372036854775808", false, 0L)]
    [InlineData("1.0", false, 0L)]
    [InlineData("1e3", false, 0L)]
    [InlineData("-", false, 0L)]
    [InlineData("", false, 0L)]
    [InlineData("1,000", false, 0L)]
    public void Integers_parse_only_when_the_cell_is_a_whole_64_bit_number(string text, bool ok, long expected)
    {
        Assert.Equal(ok, CellNumbers.TryParse(text, out long value));
        Assert.Equal(expected, ok ? value : 0);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("abc")]
    [InlineData("1.5.2")]
    [InlineData("0x10")]
    [InlineData("1e")]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    public void Non_numbers_and_numbers_beyond_a_double_do_not_parse_as_doubles(string text)
    {
        Assert.False(CellNumbers.TryParse(text, out double _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_cell_is_a_missing_value_nan_in_both_float_widths(string text)
    {
        Assert.True(CellNumbers.TryParse(text, out double wide));
        Assert.True(CellNumbers.TryParse(text, out float narrow));
        Assert.True(double.IsNaN(wide) && float.IsNaN(narrow));
    }

    [Theory]
    [InlineData("1e400", true)]
    [InlineData("-1e999", true)]
    [InlineData("1e308", false)]
    [InlineData("inf", false)]
    [InlineData("-Infinity", false)]
    [InlineData("x", false)]
    public void Only_digits_whose_value_no_double_holds_are_beyond_a_double(string text, bool beyond)
    {
        Assert.Equal(beyond, CellNumbers.IsBeyondDouble(text));
    }
}
