using System.IO.Compression;
using System.Text;
using Rtl.Data;
using Rtl.Grains.Formats;
using Xunit;

namespace Rtl.Tests.Formats;

public class TextFileTests
{
    private static readonly TextFileOptions Zlib = new() { Compression = TextCompression.Zlib };

    [Fact]
    public void The_seeds_text_txt_reads_as_three_i8_columns_named_0_1_2()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "1,2,3\n4,5,6\n"); // seed-reference/files/text.txt, byte for byte

        var table = TextFile.Read(path);

        Assert.Equal("[('0', '<i8'), ('1', '<i8'), ('2', '<i8')]", table.Schema.ToString());
        Assert.Equal([1L, 4], Longs(table, "0"));
        Assert.Equal([2L, 5], Longs(table, "1"));
        Assert.Equal([3L, 6], Longs(table, "2"));
    }

    [Fact]
    public void A_header_names_the_columns_and_is_not_data()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "t, x\n1,2.5\n2,3\n");

        var table = TextFile.Read(path, new TextFileOptions { Header = true });

        Assert.Equal("[('t', '<i8'), ('x', '<f8')]", table.Schema.ToString());
        Assert.Equal([2.5, 3], table["x"].AsDoubles().ToArray());
    }

    [Fact]
    public void A_header_alone_gives_empty_f8_columns()
    {
        using var dir = new TempDirectory();

        var table = TextFile.Read(Write(dir, "a,b\n"), new TextFileOptions { Header = true });

        Assert.Equal("[('a', '<f8'), ('b', '<f8')]", table.Schema.ToString());
        Assert.Equal(0, table.RowCount);
    }

    [Fact]
    public void An_empty_file_is_an_error_saying_so_not_a_table_without_columns()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, string.Empty);

        var error = Assert.Throws<FileFormatException>(() => TextFile.Read(path));

        Assert.Equal($"{path}: file is empty", error.Message);
    }

    [Fact]
    public void Another_delimiter_splits_on_it_and_blank_lines_are_skipped()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "1;2\n\n3;4\n");

        var table = TextFile.Read(path, new TextFileOptions { Delimiter = ';' });

        Assert.Equal([1L, 3], Longs(table, "0"));
        Assert.Equal([2L, 4], Longs(table, "1"));
    }

    [Fact]
    public void Floats_and_numpys_non_finite_spellings_make_an_f8_column()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "1,0.5\n2,nan\n3,inf\n4,-inf\n5,1e3\n");

        var table = TextFile.Read(path);

        Assert.Equal("[('0', '<i8'), ('1', '<f8')]", table.Schema.ToString());
        var x = table["1"].AsDoubles().ToArray();
        Assert.Equal(0.5, x[0]);
        Assert.True(double.IsNaN(x[1]));
        Assert.Equal([double.PositiveInfinity, double.NegativeInfinity, 1000], x[2..]);
    }

    [Fact]
    public void A_zlib_stream_of_delimited_text_reads_like_the_text()
    {
        using var dir = new TempDirectory();
        var path = WriteZlib(dir, "a,b\n1,2.5\n3,4\n");

        var table = TextFile.Read(path, Zlib with { Header = true });

        Assert.Equal("[('a', '<i8'), ('b', '<f8')]", table.Schema.ToString());
        Assert.Equal([1L, 3], Longs(table, "a"));
    }

    [Fact]
    public void A_large_zlib_file_reads_every_row()
    {
        using var dir = new TempDirectory();
        var text = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            text.Append(i).Append(',').Append(i * 0.5).Append('\n');
        }

        var table = TextFile.Read(WriteZlib(dir, text.ToString()), Zlib);

        Assert.Equal(100_000, table.RowCount);
        Assert.Equal(99_999L, Longs(table, "0")[^1]);
        Assert.Equal(49_999.5, table["1"].AsDoubles()[^1]);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        using var dir = new TempDirectory();
        var path = dir.File("absent.txt");

        var error = Assert.Throws<FileFormatException>(() => TextFile.Read(path));

        Assert.Equal(path, error.Path);
        Assert.Contains("file not found", error.Message);
    }

    [Fact]
    public void A_ragged_row_names_its_line()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "1,2,3\n4,5\n");

        var error = Assert.Throws<FileFormatException>(() => TextFile.Read(path));

        Assert.Equal($"{path}: line 2 has 2 values but the first row has 3", error.Message);
    }

    [Fact]
    public void A_ragged_row_after_a_header_names_the_header()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "a,b\n1,2,3\n");

        var error = Assert.Throws<FileFormatException>(() => TextFile.Read(path, new TextFileOptions { Header = true }));

        Assert.Equal($"{path}: line 2 has 3 values but the header has 2 columns", error.Message);
    }

    [Fact]
    public void A_non_numeric_cell_names_its_line_and_column()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "a,b\n1,2\n3,x7\n");

        var error = Assert.Throws<FileFormatException>(() => TextFile.Read(path, new TextFileOptions { Header = true }));

        Assert.Equal($"{path}: line 3, column 2 ('b'): expected a number, found 2 characters that are not one", error.Message);
    }

    [Fact]
    public void A_bad_header_is_an_error()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "a,a\n1,2\n");

        var error = Assert.Throws<FileFormatException>(() => TextFile.Read(path, new TextFileOptions { Header = true }));

        Assert.Equal($"{path}: line 1: header name 'a' appears twice", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_zlib_is_an_error_not_a_crash()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "1,2\n3,4\n");

        var error = Assert.Throws<FileFormatException>(() => TextFile.Read(path, Zlib));

        Assert.Equal(path, error.Path);
        Assert.Contains("not a valid zlib stream", error.Message);
    }

    [Fact]
    public void A_corrupt_zlib_stream_is_an_error_not_a_crash()
    {
        using var dir = new TempDirectory();
        var path = WriteZlib(dir, string.Concat(Enumerable.Range(0, 5000).Select(i => $"{i},{i * 7 % 13}\n")));
        var bytes = File.ReadAllBytes(path);
        for (var i = bytes.Length / 2; i < bytes.Length; i++)
        {
            bytes[i] ^= 0x5A;
        }

        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<FileFormatException>(() => TextFile.Read(path, Zlib));

        Assert.Equal(path, error.Path);
        Assert.Contains("zlib", error.Message);
    }

    [Fact]
    public void A_truncated_zlib_stream_is_an_error_not_fewer_rows()
    {
        using var dir = new TempDirectory();
        var path = WriteZlib(dir, string.Concat(Enumerable.Range(0, 5000).Select(i => $"{i},{i * 7 % 13}\n")));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<FileFormatException>(() => TextFile.Read(path, Zlib));

        Assert.Equal(path, error.Path);
        Assert.Contains("zlib", error.Message);
    }

    [Fact]
    public void A_compressed_file_read_as_text_says_so()
    {
        using var dir = new TempDirectory();
        var path = WriteZlib(dir, "1,2\n3,4\n");

        var error = Assert.Throws<FileFormatException>(() => TextFile.Read(path));

        Assert.Equal(path, error.Path);
    }

    internal static string Write(TempDirectory dir, string text, string name = "t.txt")
    {
        var path = dir.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    internal static string WriteZlib(TempDirectory dir, string text, string name = "t.txt.z")
    {
        var path = dir.File(name);
        File.WriteAllBytes(path, Compress(text));
        return path;
    }

    internal static byte[] Compress(string text)
    {
        using var memory = new MemoryStream();
        using (var zlib = new ZLibStream(memory, CompressionLevel.Optimal))
        {
            zlib.Write(Encoding.UTF8.GetBytes(text));
        }

        return memory.ToArray();
    }

    private static long[] Longs(Table table, string column) => ((Column<long>)table[column]).Span.ToArray();
}
