using Rtl.Grains.Formats;
using Xunit;

namespace Rtl.Tests.Formats;

public class TableFilesTests
{
    [Theory]
    [InlineData("t.dat")]
    [InlineData("t.npy")]
    [InlineData("T.DAT")]
    public void Binary_formats_round_trip_every_dtype(string name)
    {
        using var dir = new TempDirectory();
        var path = dir.File(name);
        var table = TableAssert.EveryDType();

        TableFiles.Write(path, table);

        TableAssert.Identical(table, TableFiles.Read(path));
    }

    [Fact]
    public void Dat_is_written_with_its_meta_beside_it()
    {
        using var dir = new TempDirectory();

        TableFiles.Write(dir.File("g.dat"), TableAssert.Golden());

        Assert.Equal(File.ReadAllBytes(TableAssert.GoldenFile("golden.dat")), File.ReadAllBytes(dir.File("g.dat")));
        Assert.Equal(File.ReadAllBytes(TableAssert.GoldenFile("golden.meta")), File.ReadAllBytes(dir.File("g.meta")));
    }

    [Fact]
    public void Csv_is_written_with_a_header_and_read_back_by_inference()
    {
        using var dir = new TempDirectory();
        var path = dir.File("g.csv");

        TableFiles.Write(path, TableAssert.Golden());

        Assert.Equal("a,b\n1,0.5\n2,1.5\n3,-2.25\n", File.ReadAllText(path));
        TableAssert.Identical(TableAssert.Golden(), TableFiles.Read(path));
    }

    [Fact]
    public void Reading_a_dat_without_its_meta_is_an_error_naming_the_meta()
    {
        using var dir = new TempDirectory();
        var path = dir.File("lonely.dat");
        File.WriteAllBytes(path, new byte[16]);

        var error = Assert.Throws<FileFormatException>(() => TableFiles.Read(path));

        Assert.StartsWith(dir.File("lonely.meta") + ": ", error.Message);
    }

    [Fact]
    public void An_unknown_extension_is_an_error_listing_the_supported_ones()
    {
        var error = Assert.Throws<FileFormatException>(() => TableFiles.Read("table.xlsx"));

        Assert.StartsWith("table.xlsx: ", error.Message);
        Assert.Contains(".dat", error.Message);
        Assert.Contains(".csv", error.Message);
        Assert.Contains(".npy", error.Message);
    }
}
