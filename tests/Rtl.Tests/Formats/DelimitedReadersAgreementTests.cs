using Rtl.Data;
using Rtl.Grains.Formats;
using Xunit;

namespace Rtl.Tests.Formats;

/// <summary>
/// The three entry points to delimited text — <c>CsvFile.Read</c> (its mapped byte reader, whole or in tiny
/// parallel parts, and its Sep reader) and <c>TextFile.Read</c> — give the same table or the same error for
/// every input, and what they agree on is what numpy and pandas users expect.
/// </summary>
public class DelimitedReadersAgreementTests
{
    public static TheoryData<string, string> Inputs => new()
    {
        { "plain", "x,y\n1,2.5\n3,4\n" },
        { "empty file", "" },
        { "blank lines only", "\n  \n\r\n\n" },
        { "header only", "a,b\n" },
        { "empty cells", "a,b\n1,\n,2.5\n3,4\n" },
        { "a row of empty cells", "a,b\n1,2\n,\n" },
        { "white space cell", "a,b\n1, \n2,3\n" },
        { "blank lines in one column", "x\n1\n   \n\n\r\n2\n" },
        { "crlf", "a,b\r\n1,2\r\n\r\n3,4\r\n" },
        { "padded", " a , b \n 1 , 2.5 \n" },
        { "nan and inf", "x\nnan\ninf\n-inf\n1\n" },
        { "beyond a double", "a,b\n1,2\n3,1e400\n" },
        { "beyond a double, negative", "a,b\n1,-1e400\n" },
        { "309 digits", "a\n1\n1" + new string('0', 309) + "\n" },
        { "largest double", "a\n1.7976931348623157e308\n" },
        { "not a number", "a,b\n1,2\n3,x7\n" },
        { "ragged", "a,b\n1,2\n3\n" },
        { "ragged without header", "1,2\n3\n" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_reader_gives_the_same_table_or_the_same_error(string name, string text)
    {
        using var dir = new TempDirectory();
        var path = dir.File("in.csv");
        File.WriteAllText(path, text);
        var header = !name.Contains("without header", StringComparison.Ordinal);
        var csv = new CsvOptions { Header = header };

        var outcomes = new (string Reader, object Outcome)[]
        {
            ("CsvFile.Read", Outcome(() => CsvFile.Read(path, csv))),
            ("CsvFile.Read in 4-byte parts", Outcome(() => CsvFile.Read(path, csv, partBytes: 4))),
            ("CsvFile Sep", Outcome(() => CsvFile.ReadWithSep(path, csv))),
            ("TextFile.Read", Outcome(() => TextFile.Read(path, new TextFileOptions { Header = header }))),
        };

        var (_, first) = outcomes[0];
        foreach (var (reader, outcome) in outcomes.Skip(1))
        {
            if (first is string error)
            {
                Assert.Equal(error, Assert.IsType<string>(outcome));
            }
            else
            {
                Assert.True(outcome is Table, $"{reader}: {outcome}");
                TableAssert.Identical((Table)first, (Table)outcome);
            }
        }
    }

    [Fact]
    public void Empty_cells_are_missing_floats_as_pandas_reads_them()
    {
        var table = ReadEach("a,b\n1,\n,2.5\n3,4\n").Distinct().Single();

        Assert.Equal("[('a', '<f8'), ('b', '<f8')]", table.Split('|')[0]);
        Assert.Equal("1,nan,3|nan,2.5,4", table.Split('|', 2)[1]);
    }

    [Fact]
    public void A_file_with_nothing_in_it_is_an_error_saying_so()
    {
        foreach (var outcome in ReadEach("").Concat(ReadEach("\n \n")))
        {
            Assert.EndsWith(": file is empty", outcome);
        }
    }

    [Fact]
    public void A_number_beyond_a_double_is_an_error_naming_its_cell()
    {
        foreach (var outcome in ReadEach("a,b\n1,2\n3,1e400\n"))
        {
            Assert.EndsWith(": line 3, column 2 ('b'): a number out of range (beyond ±1.8e308, the most a float64 holds)", outcome);
        }
    }

    [Fact]
    public void An_empty_cell_in_an_integer_schema_column_is_an_error_naming_its_cell()
    {
        using var dir = new TempDirectory();
        var path = dir.File("in.csv");
        File.WriteAllText(path, "a,b\n1,\n");
        var schema = new TableSchema([new ColumnSchema("a", DType.I8), new ColumnSchema("b", DType.I8)]);

        var mapped = Assert.Throws<FileFormatException>(() => CsvFile.Read(path, new CsvOptions { Schema = schema }));
        var sep = Assert.Throws<FileFormatException>(() => CsvFile.ReadWithSep(path, new CsvOptions { Schema = schema }));

        Assert.Equal($"{path}: line 2, column 2 ('b'): expected an integer (<i8), found an empty value", mapped.Message);
        Assert.Equal(mapped.Message, sep.Message);
    }

    [Theory]
    [InlineData(DType.F8, "nan")]
    [InlineData(DType.F4, "nan")]
    [InlineData(DType.I8, "line 3, column 2 ('b'): expected an integer (<i8), found an empty value")]
    [InlineData(DType.I4, "line 3, column 2 ('b'): expected a 32-bit integer (<i4), found an empty value")]
    [InlineData(DType.U1, "line 3, column 2 ('b'): expected an integer from 0 to 255 (|u1), found an empty value")]
    [InlineData(DType.B1, "line 3, column 2 ('b'): expected a boolean: True, False, 1 or 0 (|b1), found an empty value")]
    public void An_empty_cell_of_a_schema_column_is_nan_in_floats_and_an_error_elsewhere_on_every_path(DType type, string expected)
    {
        using var dir = new TempDirectory();
        var path = dir.File("in.csv");
        File.WriteAllText(path, "a,b\n1,1\n2,\n");
        var options = new CsvOptions { Schema = new TableSchema([new ColumnSchema("a", DType.I8), new ColumnSchema("b", type)]) };

        var outcomes = new[]
        {
            Outcome(() => CsvFile.Read(path, options)),
            Outcome(() => CsvFile.Read(path, options, partBytes: 4)),
            Outcome(() => CsvFile.ReadWithSep(path, options)),
        }.Select(o => o is Table table ? table["b"].GetDouble(1).ToString(System.Globalization.CultureInfo.InvariantCulture).ToLowerInvariant() : (string)o);

        Assert.All(outcomes, outcome => Assert.Equal(expected == "nan" ? "nan" : $"{path}: {expected}", outcome));
    }

    /// <summary>Every reader's outcome on <paramref name="text"/>: the schema and values, or the error.</summary>
    private static string[] ReadEach(string text)
    {
        using var dir = new TempDirectory();
        var path = dir.File("in.csv");
        File.WriteAllText(path, text);
        Func<Table>[] readers =
        [
            () => CsvFile.Read(path),
            () => CsvFile.Read(path, CsvOptions.Default, partBytes: 4),
            () => CsvFile.ReadWithSep(path, CsvOptions.Default),
            () => TextFile.Read(path, new TextFileOptions { Header = true }),
        ];
        return readers.Select(read => Outcome(read) switch
        {
            Table table => $"{table.Schema}|{string.Join('|', table.Names.Select(n => string.Join(',', table[n].AsDoubles().ToArray().Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture).ToLowerInvariant()))))}",
            var error => (string)error,
        }).ToArray();
    }

    private static object Outcome(Func<Table> read)
    {
        try
        {
            return read();
        }
        catch (FileFormatException e)
        {
            return e.Message;
        }
    }
}
