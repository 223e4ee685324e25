using System.Text;
using Rtl.Data;
using Rtl.Grains.Formats;
using Xunit;

namespace Rtl.Tests.Formats;

public class MetaFileTests
{
    private const string GoldenMeta = "WzxAJ2EnLCAnPGk4J0A+LCA8QCdiJywgJzxmOCdAPl0=";

    private static readonly TableSchema AB = new([new("a", DType.I8), new("b", DType.F8)]);

    [Fact]
    public void Encode_gives_the_seeds_exact_44_bytes()
    {
        var text = MetaFile.Encode(AB);

        Assert.Equal(GoldenMeta, text);
        Assert.Equal(44, text.Length);
    }

    [Fact]
    public void Write_puts_exactly_the_base64_bytes_without_newline()
    {
        using var dir = new TempDirectory();
        var path = dir.File("x.meta");

        MetaFile.Write(path, AB);

        Assert.Equal(Encoding.ASCII.GetBytes(GoldenMeta), File.ReadAllBytes(path));
    }

    [Fact]
    public void Read_of_the_seeds_golden_meta_gives_a_i8_and_b_f8()
    {
        var schema = MetaFile.Read(TableAssert.GoldenFile("golden.meta"));

        Assert.Equal("[('a', '<i8'), ('b', '<f8')]", schema.ToString());
    }

    [Fact]
    public void Encode_spells_booleans_and_bytes_as_numpys_str_does()
    {
        var schema = new TableSchema([new("flag", DType.B1), new("small", DType.U1), new("n", DType.I4), new("x", DType.F4)]);

        var text = Encoding.UTF8.GetString(Convert.FromBase64String(MetaFile.Encode(schema)));

        Assert.Equal("[<@'flag', '?'@>, <@'small', 'u1'@>, <@'n', '<i4'@>, <@'x', '<f4'@>]", text);
    }

    [Theory]
    [InlineData(DType.I8)]
    [InlineData(DType.F8)]
    [InlineData(DType.I4)]
    [InlineData(DType.F4)]
    [InlineData(DType.B1)]
    [InlineData(DType.U1)]
    public void Every_dtype_round_trips(DType type)
    {
        var schema = new TableSchema([new("c", type), new("d", DType.F8)]);

        var back = MetaFile.Decode(MetaFile.Encode(schema), "x.meta");

        Assert.Equal(schema.ToString(), back.ToString());
    }

    [Theory]
    [InlineData("it's")]
    [InlineData("say \"hi\"")]
    [InlineData("both ' and \"")]
    [InlineData("back\\slash")]
    [InlineData("tab\there")]
    [InlineData("x (y)")]
    [InlineData("température")]
    public void Awkward_column_names_round_trip(string name)
    {
        var schema = new TableSchema([new(name, DType.F8)]);

        var back = MetaFile.Decode(MetaFile.Encode(schema), "x.meta");

        Assert.Equal(name, back.Columns[0].Name);
    }

    [Theory]
    [InlineData("[('a', '<i8'), ('b', '<f8')]")]
    [InlineData("[(\"a\", \"<i8\"), (\"b\", \"<f8\")]")]
    [InlineData("[ ( 'a' , 'i8' ) , ( 'b' , 'f8' ) , ]")]
    [InlineData("[('a', 'int64'), ('b', 'float64')]")]
    [InlineData("\n[('a','<i8'),('b','<f8')]\n")]
    [InlineData("{'names': ['a', 'b'], 'formats': ['<i8', '<f8'], 'offsets': [0, 8], 'itemsize': 16}")]
    public void Decode_accepts_the_ways_numpy_prints_a_dtype(string dtype)
    {
        var schema = MetaFile.Decode(Meta(dtype), "x.meta");

        Assert.Equal("[('a', '<i8'), ('b', '<f8')]", schema.ToString());
    }

    [Fact]
    public void Decode_accepts_a_plain_dtype_as_one_column_named_0()
    {
        var schema = MetaFile.Decode(Meta("float64"), "x.meta");

        Assert.Equal("[('0', '<f8')]", schema.ToString());
    }

    [Fact]
    public void Decode_tolerates_a_trailing_newline()
    {
        Assert.Equal(AB.ToString(), MetaFile.Decode(GoldenMeta + "\n", "x.meta").ToString());
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("")]
    public void Bad_base64_is_an_error_naming_the_file(string text)
    {
        var error = Assert.Throws<FileFormatException>(() => MetaFile.Decode(text, "broken.meta"));

        Assert.StartsWith("broken.meta: ", error.Message);
        Assert.Contains("base64", error.Message);
        Assert.Equal("broken.meta", error.Path);
    }

    [Theory]
    [InlineData("[('a', '<i8'", "expected")]
    [InlineData("hello world", "unsupported dtype")]
    [InlineData("[('a', '<c16')]", "unsupported dtype '<c16'")]
    [InlineData("[('a', '>f8')]", "big-endian")]
    [InlineData("[('a', '<f8', (3,))]", "sub-array")]
    [InlineData("[('a', '<f8'), ('a', '<i8')]", "appears twice")]
    [InlineData("{'names': ['a', 'b'], 'formats': ['<i8', '<f8'], 'offsets': [0, 16], 'itemsize': 24}", "padding")]
    [InlineData("[1, 2]", "(name, dtype) tuple")]
    public void Bad_dtype_text_is_an_error_naming_the_file_and_the_problem(string dtype, string problem)
    {
        var error = Assert.Throws<FileFormatException>(() => MetaFile.Decode(Meta(dtype), "odd.meta"));

        Assert.StartsWith("odd.meta: ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_missing_meta_is_an_error_naming_the_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("nope.meta");

        var error = Assert.Throws<FileFormatException>(() => MetaFile.Read(path));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("not found", error.Message);
    }

    // The seed's encoding of arbitrary dtype text.
    private static string Meta(string dtype) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(dtype.Replace(")", "@>").Replace("(", "<@")));
}
