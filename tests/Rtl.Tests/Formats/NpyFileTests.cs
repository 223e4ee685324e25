using System.Text;
using Rtl.Grains.Formats;
using Xunit;

namespace Rtl.Tests.Formats;

public class NpyFileTests
{
    [Fact]
    public void Write_puts_the_same_header_as_numpys_save_and_then_the_packed_records()
    {
        using var dir = new TempDirectory();
        var path = dir.File("g.npy");

        NpyFile.Write(path, TableAssert.Golden());

        // np.save(path, golden) with numpy 1.24.
        var header = "{'descr': [('a', '<i8'), ('b', '<f8')], 'fortran_order': False, 'shape': (3,), }" + new string(' ', 37) + "\n";
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(128 + 48, bytes.Length);
        Assert.Equal([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 118, 0], bytes[..10]);
        Assert.Equal(header, Encoding.ASCII.GetString(bytes, 10, 118));
        Assert.Equal(File.ReadAllBytes(TableAssert.GoldenFile("golden.dat")), bytes[128..]);
    }

    [Fact]
    public void Every_dtype_round_trips()
    {
        using var dir = new TempDirectory();
        var path = dir.File("all.npy");
        var table = TableAssert.EveryDType();

        NpyFile.Write(path, table);

        TableAssert.Identical(table, NpyFile.Read(path));
        Assert.Equal((table.Schema.ToString(), (long)table.RowCount), (NpyFile.ReadPlan(path).Schema.ToString(), NpyFile.ReadPlan(path).Rows));
    }

    [Fact]
    public void A_plain_2d_array_reads_as_numbered_columns_in_either_order()
    {
        using var dir = new TempDirectory();
        var values = new double[] { 0, 1, 2, 3, 4, 5 };
        var c = Npy(dir, "c.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }", values);
        var f = Npy(dir, "f.npy", "{'descr': '<f8', 'fortran_order': True, 'shape': (3, 2), }", values);

        var rowMajor = NpyFile.Read(c);
        var columnMajor = NpyFile.Read(f);

        Assert.Equal(["0", "1"], rowMajor.Names);
        Assert.Equal([0.0, 2, 4], rowMajor["0"].AsDoubles().ToArray());
        Assert.Equal([0.0, 1, 2], columnMajor["0"].AsDoubles().ToArray());
        Assert.Equal([3.0, 4, 5], columnMajor["1"].AsDoubles().ToArray());
    }

    [Fact]
    public void Not_an_npy_file_is_an_error_naming_it()
    {
        var path = TableAssert.GoldenFile("golden.dat");

        var error = Assert.Throws<FileFormatException>(() => NpyFile.Read(path));

        Assert.StartsWith(path + ": is not a .npy file", error.Message);
    }

    [Fact]
    public void Data_shorter_than_the_shape_is_an_error()
    {
        using var dir = new TempDirectory();
        var path = Npy(dir, "short.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }", [1, 2, 3]);

        var error = Assert.Throws<FileFormatException>(() => NpyFile.Read(path));

        Assert.StartsWith(path + ": holds 24 data bytes", error.Message);
    }

    [Fact]
    public void Big_endian_data_is_an_error()
    {
        using var dir = new TempDirectory();
        var path = Npy(dir, "be.npy", "{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }", [1]);

        var error = Assert.Throws<FileFormatException>(() => NpyFile.Read(path));

        Assert.Contains("big-endian", error.Message);
    }

    // A version 1.0 file as numpy writes it.
    private static string Npy(TempDirectory dir, string name, string header, double[] data) => Npy(dir.File(name), header, data);

    /// <summary>A version 1.0 <c>.npy</c> of <paramref name="data"/> under <paramref name="header"/>, padded as numpy pads it.</summary>
    internal static string Npy(string path, string header, double[] data)
    {
        var padded = header.PadRight(((10 + header.Length + 1 + 63) / 64 * 64) - 11) + "\n";
        using var stream = File.Create(path);
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        stream.Write(BitConverter.GetBytes((ushort)padded.Length));
        stream.Write(Encoding.ASCII.GetBytes(padded));
        stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.AsSpan()));
        return path;
    }
}
