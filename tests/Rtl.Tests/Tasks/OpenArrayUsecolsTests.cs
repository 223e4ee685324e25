using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.Grains.Tasks;
using Rtl.Tasks;
using Rtl.Tests.Formats;
using Xunit;

namespace Rtl.Tests.Tasks;

/// <summary>
/// <c>open_array</c>'s <c>usecols</c>: only the listed columns, in the listed order, bit for bit as a full read gives
/// them; a <c>.dat</c> or <c>.npy</c> allocates only those (the harness holds the run to the narrowed cost).
/// </summary>
public sealed class OpenArrayUsecolsTests : IDisposable
{
    private const int Rows = 100_000;

    private readonly string dir = Guid.NewGuid().ToString("N");

    public OpenArrayUsecolsTests() => Directory.CreateDirectory(Full());

    public void Dispose() => Directory.Delete(Full(), recursive: true);

    [Theory]
    [InlineData("dat")]
    [InlineData("npy")]
    [InlineData("csv")]
    public void Only_the_listed_columns_are_read_in_the_listed_order_bit_for_bit(string extension)
    {
        var table = Mixed();
        Write(extension, table);
        var full = Open(extension, "");

        var narrowed = Open(extension, ", \"usecols\": [\"f4\", \"x\", \"k\"]");

        Assert.Equal(["f4", "x", "k"], narrowed.Names);
        Assert.Equal(Rows, narrowed.RowCount);
        foreach (var name in narrowed.Names)
        {
            Assert.Equal(full[name].Type, narrowed[name].Type);
            Assert.True(full[name].Bytes.SequenceEqual(narrowed[name].Bytes), $"column '{name}' differs from the full read");
        }
    }

    [Theory]
    [InlineData("dat")]
    [InlineData("npy")]
    [InlineData("csv")]
    public void Needed_keeps_the_files_columns_it_names_in_the_files_order_passing_over_others(string extension)
    {
        Write(extension, Mixed());
        var full = Open(extension, "");

        var output = TaskHarness.Run(new OpenArrayTask(), Args(extension, ", \"needed\": [\"y\", \"k\", \"written later\"]"), Table.Empty);

        Assert.Equal(["k", "y"], output.Table.Names);
        Assert.True(full["y"].Bytes.SequenceEqual(output.Table["y"].Bytes));
        Assert.Equal($"t.{extension} (100,000 rows x 2 of 7 columns)", Assert.Single(output.Notes).Value);
    }

    [Fact]
    public void Needed_naming_none_of_the_files_columns_reads_them_all()
    {
        Write("dat", Mixed());

        Assert.Equal(7, Open("dat", ", \"needed\": [\"elsewhere\"]").ColumnCount);
    }

    [Fact]
    public void A_narrowed_dat_costs_only_its_columns()
    {
        Write("dat", Mixed());

        var all = Cost("");
        var two = Cost(", \"usecols\": [\"x\", \"k\"]");

        Assert.Equal(Rows, two.Rows);
        Assert.Equal(Rows * 16L, two.Bytes);
        Assert.True(all.Bytes > 2 * two.Bytes, $"all columns cost {all.Bytes:N0} bytes, two {two.Bytes:N0}");
    }

    [Fact]
    public void A_fortran_order_npy_reads_only_the_listed_columns()
    {
        // Three columns of two rows stored column after column: 0 1 | 2 3 | 4 5.
        NpyFileTests.Npy(Full("t.npy"), "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }", [0, 1, 2, 3, 4, 5]);

        var table = Open("npy", ", \"usecols\": [\"2\", \"0\"]");

        Assert.Equal(["2", "0"], table.Names);
        Assert.Equal([4.0, 5], table["2"].AsDoubles().ToArray());
        Assert.Equal([0.0, 1], table["0"].AsDoubles().ToArray());
    }

    [Fact]
    public void A_mistyped_column_is_an_error_listing_the_files_columns()
    {
        Write("dat", Mixed());

        var error = TaskHarness.PlanFails(new OpenArrayTask(), Args("dat", ", \"usecols\": [\"x\", \"kk\"]"), Table.Empty,
            "usecols[1]", "column 'kk' not found (columns: k, x, f4, i4, u1, b1, y)");

        Assert.Contains("kk", error.Located);
    }

    [Fact]
    public void A_column_listed_twice_is_an_error()
    {
        Write("dat", Mixed());

        TaskHarness.PlanFails(new OpenArrayTask(), Args("dat", ", \"usecols\": [\"x\", \"x\"]"), Table.Empty,
            "usecols[1]", "column 'x' is listed twice");
    }

    private static Table Mixed() => Table.Create(
        ("k", Column.Of(Enumerable.Range(0, Rows).Select(i => (long)i * 7919).ToArray())),
        ("x", Column.Of(Enumerable.Range(0, Rows).Select(i => i * 0.1).ToArray())),
        ("f4", Column.Of(Enumerable.Range(0, Rows).Select(i => (float)(i / 3.0)).ToArray())),
        ("i4", Column.Of(Enumerable.Range(0, Rows).Select(i => -i).ToArray())),
        ("u1", Column.Of(Enumerable.Range(0, Rows).Select(i => (byte)i).ToArray())),
        ("b1", Column.Of(Enumerable.Range(0, Rows).Select(i => i % 3 == 0).ToArray())),
        ("y", Column.Of(Enumerable.Range(0, Rows).Select(i => Math.Sqrt(i)).ToArray())));

    private void Write(string extension, Table table)
    {
        if (extension == "npy")
        {
            NpyFile.Write(Full("t.npy"), table);
            return;
        }

        MetaFile.Write(Full("t.meta"), table.Schema);
        if (extension == "dat")
        {
            DatFile.Write(Full("t.dat"), table);
            return;
        }

        CsvFile.Write(Full("t.csv"), table, header: false);
    }

    private Table Open(string extension, string more) => TaskHarness.RunTable(new OpenArrayTask(), Args(extension, more), Table.Empty);

    private TaskCost Cost(string more) =>
        new OpenArrayTask().Cost(TaskArgs.Parse(Args("dat", more)), TablePlan.Of(Table.Empty), TestEnvironment.Instance)!;

    private string Args(string extension, string more) =>
        $"{{\"path\": \"{dir}\", \"filename\": \"t\", \"extension\": \"{extension}\"{more}}}";

    private string Full(string name = "") => Path.Combine(TestEnvironment.Instance.FilesRoot, dir, name);
}
