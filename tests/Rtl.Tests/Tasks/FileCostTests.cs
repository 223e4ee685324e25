using System.Globalization;
using System.IO.Compression;
using System.Text;
using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.Grains.Tasks;
using Rtl.Tasks;
using Xunit;

namespace Rtl.Tests.Tasks;

/// <summary>
/// The tasks that replace the table with a file bound its rows from the file before reading it: <c>open_array</c> from
/// its size (and a <c>.npy</c> header), <c>open</c> from one pass counting lines and fields.
/// </summary>
public sealed class FileCostTests : IDisposable
{
    private readonly string dir = Guid.NewGuid().ToString("N");

    public FileCostTests() => Directory.CreateDirectory(Full());

    public void Dispose() => Directory.Delete(Full(), recursive: true);

    [Fact]
    public void A_dat_file_holds_its_size_over_the_record_width_in_rows()
    {
        var table = Table.Create(("i", Column.Of(Enumerable.Range(0, 1000).Select(i => (long)i).ToArray())),
            ("f", Column.Of(Enumerable.Range(0, 1000).Select(i => (float)i).ToArray())));
        DatFile.Write(Full("t.dat"), table);
        MetaFile.Write(Full("t.meta"), table.Schema);

        var cost = OpenArray("dat");

        Assert.Equal(1000, cost.Rows);
        Assert.Equal(1000 * 12, cost.Bytes); // 12-byte records, the table itself
        Assert.Equal("filename", cost.Largest!.Argument);
    }

    [Fact]
    public void A_csv_for_a_meta_holds_at_most_a_row_per_as_many_bytes_as_it_has_columns_parsed_with_room_for_three_copies()
    {
        File.WriteAllText(Full("t.csv"), "1,2\n3,4\n");
        MetaFile.Write(Full("t.meta"), Table.Create(("a", Column.Of(1.0)), ("b", Column.Of(1.0))).Schema);

        var cost = OpenArray("csv");

        Assert.Equal((8 / 2) + 1, cost.Rows);
        Assert.Equal(5 * 16 * 3, cost.Bytes);
    }

    [Fact]
    public void An_npy_holds_its_headers_rows_but_never_more_than_its_bytes_can()
    {
        var table = Table.Create(("x", Column.Of(new double[1000])));
        NpyFile.Write(Full("t.npy"), table);
        Assert.Equal(1000, OpenArray("npy").Rows);

        // The header still says 1,000 rows; 80 bytes of data hold 10.
        var length = new FileInfo(Full("t.npy")).Length;
        using (var file = File.OpenWrite(Full("t.npy")))
        {
            file.SetLength(length - ((1000 - 10) * 8));
        }

        var cost = OpenArray("npy");
        Assert.Equal(10, cost.Rows);
        Assert.Equal(80, cost.Bytes);
    }

    [Theory]
    [InlineData("1,2,3\n4,5,6\n", "", 2, 3)]
    [InlineData("a,b\n\n1,2\n3,4", ", \"header\": true", 4, 2)] // the header and the blank line count; no final line break
    [InlineData("\"a,b\",c\n", "", 1, 3)] // a quoted delimiter can only count more
    [InlineData("1\t2\n3\t4\t5\n", ", \"delimiter\": \"\\t\"", 2, 3)] // the widest line, whichever it is
    [InlineData("{\"t\": 1, \"x\": 2.5}\n{\"t\": 2, \"x\": 3.5}\n", ", \"encoding\": \"json\"", 2, 2)]
    [InlineData("", "", 0, 0)]
    public void Open_bounds_a_text_file_by_its_lines_and_its_widest_line(string text, string more, long lines, long fields)
    {
        File.WriteAllText(Full("t.txt"), text);

        var cost = Open("t.txt", more);

        Assert.Equal(lines, cost.Rows);
        Assert.Equal((lines * fields * 72) + (1 << 20), cost.Bytes); // 9 × 8 bytes a cell while parsing, and the read buffers
    }

    [Fact]
    public void Open_bounds_a_zlib_stream_by_its_inflated_lines()
    {
        var text = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"{i},{i * 0.5},7\n"));
        using (var file = File.Create(Full("t.z")))
        using (var zlib = new ZLibStream(file, CompressionLevel.Optimal))
        {
            zlib.Write(Encoding.UTF8.GetBytes(text));
        }

        var cost = Open("t.z", ", \"compression\": \"zlib\"");

        Assert.Equal(10_000, cost.Rows);
        Assert.Equal((10_000L * 3 * 72) + (1 << 20), cost.Bytes);
    }

    [Fact]
    public void Opening_a_big_text_file_allocates_within_its_bound()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{i * 0.25},{i % 7},{-i}\n");
        }

        File.WriteAllText(Full("big.csv"), text.ToString());

        var table = TaskHarness.RunTable(new OpenTask(), $"{{\"path\": \"{dir}\", \"file\": \"big.csv\"}}", Table.Empty);

        Assert.Equal(100_000, table.RowCount);
    }

    private TaskCost OpenArray(string extension) =>
        new OpenArrayTask().Cost(TaskArgs.Parse($"{{\"path\": \"{dir}\", \"filename\": \"t\", \"extension\": \"{extension}\"}}"),
            TablePlan.Of(Table.Empty), TestEnvironment.Instance)!;

    private TaskCost Open(string file, string more) =>
        new OpenTask().Cost(TaskArgs.Parse($"{{\"path\": \"{dir}\", \"file\": \"{file}\"{more}}}"), TablePlan.Of(Table.Empty), TestEnvironment.Instance)!;

    private string Full(string name = "") => Path.Combine(TestEnvironment.Instance.FilesRoot, dir, name);
}
