using System.Text.Json;
using Rtl.Grains.Formats;
using Xunit;
using Rtl.Data;

namespace Rtl.Tests.Formats;

/// <summary>The seed's open_array cases (seed-reference/openArray.json) replayed against its own files.</summary>
public class SeedGoldenTests
{
    public static TheoryData<string> Cases() => ["open_dat", "open_csv"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reading_the_seeds_files_gives_the_seeds_output(string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(TableAssert.GoldenFile("openArray.json")));
        var seedCase = json.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        var kwargs = seedCase.GetProperty("kwargs");
        var file = kwargs.GetProperty("filename").GetString()!;
        var extension = kwargs.GetProperty("extension").GetString()!;
        var schema = MetaFile.Read(TableAssert.GoldenFile(file + ".meta"));
        var path = TableAssert.GoldenFile($"{file}.{extension}");

        var table = extension == "dat"
            ? DatFile.Read(path, schema)
            : CsvFile.Read(path, new CsvOptions { Header = false, Delimiter = kwargs.GetProperty("delimiter").GetString()![0], Schema = schema });

        var output = seedCase.GetProperty("output");
        var dtype = output.GetProperty("dtype").EnumerateArray().Select(f => (f[0].GetString(), f[1].GetString()));
        Assert.Equal(dtype, table.Schema.Columns.Select(c => ((string?)c.Name, (string?)c.Type.Code())));
        foreach (var column in output.GetProperty("columns").EnumerateObject())
        {
            var expected = column.Value.EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.Equal(expected, table[column.Name].AsDoubles().ToArray());
        }
    }

    [Fact]
    public void The_csv_meta_beside_the_seeds_csv_is_the_same_dtype()
    {
        var schema = MetaFile.Read(TableAssert.GoldenFile("golden.csv.meta"));

        Assert.Equal("[('a', '<i8'), ('b', '<f8')]", schema.ToString());
    }

    [Fact]
    public void File_format_json_agrees_with_the_writers()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(TableAssert.GoldenFile("file_format.json")));
        using var dir = new TempDirectory();

        TableFiles.Write(dir.File("x.dat"), TableAssert.Golden());

        Assert.Equal(json.RootElement.GetProperty("meta_file_bytes").GetString(), File.ReadAllText(dir.File("x.meta")));
        Assert.Equal(json.RootElement.GetProperty("dat_file_hex").GetString(), Convert.ToHexStringLower(File.ReadAllBytes(dir.File("x.dat"))));
        Assert.Equal(json.RootElement.GetProperty("str_dtype").GetString(), TableAssert.Golden().Schema.ToString());
    }
}
