using Rtl.Data;
using Xunit;

namespace Rtl.Tests.Data;

public sealed class TableSelectTests
{
    private static Table Mixed(int n) => Table.Create(
        ("f8", Column.Of(Enumerable.Range(0, n).Select(i => i * 1.5).ToArray())),
        ("i8", Column.Of(Enumerable.Range(0, n).Select(i => (long)i * 7).ToArray())),
        ("i4", Column.Of(Enumerable.Range(0, n).Select(i => -i).ToArray())),
        ("f4", Column.Of(Enumerable.Range(0, n).Select(i => i / 4f).ToArray())),
        ("b1", Column.Of(Enumerable.Range(0, n).Select(i => i % 3 == 0).ToArray())),
        ("u1", Column.Of(Enumerable.Range(0, n).Select(i => (byte)(i % 251)).ToArray())));

    [Fact]
    public void A_selection_reads_exactly_what_an_eager_gather_gives_for_every_dtype()
    {
        var table = Mixed(1000);
        var rows = new[] { 999, 0, 5, 5, 500, 2, -1 }; // the tail past count is ignored
        var selected = table.Select(rows, 6);
        var eager = table.Gather(rows.AsSpan(0, 6));
        Assert.Equal(6, selected.RowCount);
        for (var c = 0; c < table.ColumnCount; c++)
        {
            Assert.Equal(eager[c].Bytes.ToArray(), selected[c].Bytes.ToArray());
        }
    }

    [Fact]
    public void Nothing_is_copied_until_a_column_is_read()
    {
        var selected = Mixed(100).Select([3, 1, 4], 3);
        Assert.All(selected.Columns, c => Assert.False(c.IsMaterialized));
        Assert.Equal(3 * (8 + 8 + 4 + 4 + 1 + 1), selected.ByteSize); // the size needs no copy either
        Assert.Equal(4.5, selected["f8"].GetDouble(0));
        Assert.True(selected["f8"].IsMaterialized);
        Assert.False(selected["i8"].IsMaterialized);
    }

    [Fact]
    public void CopyDoubles_reads_a_range_of_a_selection_without_materialising_it()
    {
        var table = Mixed(300);
        var rows = Enumerable.Range(0, 300).Where(i => i % 2 == 1).Reverse().ToArray();
        var selected = table.Select(rows, rows.Length);
        foreach (var column in selected.Columns)
        {
            var part = new double[40];
            column.CopyDoubles(10, part);
            Assert.False(column.IsMaterialized);
            var expected = Enumerable.Range(10, 40).Select(i => table[selected.Names[selected.Columns.ToList().IndexOf(column)]].GetDouble(rows[i]));
            Assert.Equal(expected, part);
        }
    }

    [Fact]
    public void A_selection_of_a_selection_equals_both_applied_in_turn()
    {
        var table = Mixed(50);
        var first = table.Select([.. Enumerable.Range(0, 50).Where(i => i % 2 == 0)], 25); // 0, 2, … 48
        var second = first.Select([24, 0, 12], 3);                                         // 48, 0, 24
        Assert.Equal([72.0, 0, 36], ((Column<double>)second["f8"]).Span.ToArray());
        Assert.Equal([-48, 0, -24], ((Column<int>)second["i4"]).Span.ToArray());
        Assert.False(first["f8"].IsMaterialized); // the second read from the table, not through the first
    }

    [Fact]
    public void Concurrent_first_reads_all_see_the_same_values()
    {
        var n = 200_000;
        var table = Mixed(n);
        var rows = Enumerable.Range(0, n).Reverse().ToArray();
        var selected = (Column<double>)table.Select(rows, n)["f8"];
        var sums = new double[8];
        Parallel.For(0, sums.Length, i => sums[i] = selected.Span.ToArray().Sum());
        var expected = Enumerable.Range(0, n).Sum(i => i * 1.5);
        Assert.All(sums, s => Assert.Equal(expected, s));
    }

    [Fact]
    public void A_row_outside_the_table_is_refused_when_selecting()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Mixed(10).Select([1, 10], 2));
        Assert.Contains("outside the table's 10 rows", error.Message);
    }
}
