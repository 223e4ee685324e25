using Rtl.Data;
using Xunit;

namespace Rtl.Tests.Data;

public sealed class TableTests
{
    [Fact]
    public void With_shares_every_untouched_column()
    {
        var a = Column.Of(1L, 2, 3);
        var b = Column.Of(0.5, 1.5, -2.25);
        var table = Table.Create(("a", a), ("b", b));
        var derived = table.With("c", Column.Of(1.0, 2, 3));
        Assert.Same(a, derived["a"]);
        Assert.Same(b, derived["b"]);
        Assert.Equal(["a", "b", "c"], derived.Names);
        Assert.Equal(["a", "b"], table.Names);
    }

    [Fact]
    public void With_an_existing_name_replaces_it_in_place()
    {
        var table = Table.Create(("a", Column.Of(1L)), ("b", Column.Of(2.0)));
        var replaced = table.With("a", Column.Of(9.0));
        Assert.Equal(["a", "b"], replaced.Names);
        Assert.Equal(DType.F8, replaced["a"].Type);
        Assert.Equal(DType.I8, table["a"].Type);
    }

    [Fact]
    public void Columns_of_unequal_length_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Table.Create(("a", Column.Of(1L, 2)), ("b", Column.Of(1.0))));
        Assert.Equal("column 'b' has 1 rows but 'a' has 2", error.Message);
    }

    [Fact]
    public void Duplicate_names_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Table.Create(("a", Column.Of(1L)), ("a", Column.Of(1.0))));
        Assert.Contains("'a' appears twice", error.Message);
    }

    [Fact]
    public void A_missing_column_lists_the_columns()
    {
        var table = Table.Create(("a", Column.Of(1L)), ("b", Column.Of(1.0)));
        var error = Assert.Throws<KeyNotFoundException>(() => table["c"]);
        Assert.Equal("column 'c' not found (columns: a, b)", error.Message);
    }

    [Fact]
    public void Preview_prints_records_and_dtype_like_numpy()
    {
        var table = Table.Create(("a", Column.Of(1L, 2, 3)), ("b", Column.Of(0.5, 1.5, -2.25)));
        Assert.Equal(
            "array([(1, 0.5),\n       (2, 1.5),\n       (3, -2.25)],\n      dtype=[('a', '<i8'), ('b', '<f8')])  # 3 rows x 2 columns",
            table.ToPreview());
    }

    [Fact]
    public void Preview_of_a_long_table_shows_first_and_last_rows()
    {
        var table = Table.Create(("x", Column.Of(Enumerable.Range(0, 100).Select(i => (long)i).ToArray())));
        var preview = table.ToPreview(2);
        Assert.StartsWith("array([(0,),\n       (1,),\n       ...,\n       (98,),\n       (99,)]", preview);
        Assert.EndsWith("# 100 rows x 1 columns", preview);
    }

    [Fact]
    public void Preview_spells_non_finite_floats_as_numpy_does()
    {
        var table = Table.Create(("x", Column.Of(double.NaN, double.PositiveInfinity, double.NegativeInfinity)));
        Assert.StartsWith("array([(nan,),\n       (inf,),\n       (-inf,)]", table.ToPreview());
    }

    [Fact]
    public void Preview_writes_floats_from_1e16_and_below_1e_4_in_scientific_notation_as_numpys_repr_does()
    {
        var table = Table.Create(("x", Column.Of(double.MaxValue, 1e16, 123456789.125, 1e-4, 0.00009999, 1e-9, 0, -1.5e300)));

        Assert.StartsWith(
            "array([(1.79769313e+308,),\n       (1.0e+16,),\n       (123456789.125,),\n       (0.0001,),\n"
            + "       (9.999e-05,),\n       (1.0e-09,),\n       (0.0,),\n       (-1.5e+300,)]",
            table.ToPreview(edgeRows: 4));
    }

    [Fact]
    public void Gather_picks_rows_of_every_dtype_in_the_given_order()
    {
        var table = Table.Create(
            ("d", Column.Of(1.0, 2, 3)), ("l", Column.Of(1L, 2, 3)), ("i", Column.Of(new[] { 1, 2, 3 })),
            ("f", Column.Of(new[] { 1f, 2f, 3f })), ("u", Column.Of(new byte[] { 1, 2, 3 })), ("b", Column.Of(new[] { true, false, true })));
        var gathered = table.Gather([2, 0, 2]);
        Assert.Equal(table.Schema.ToString(), gathered.Schema.ToString());
        foreach (var name in table.Names)
        {
            Assert.Equal([table[name].GetDouble(2), table[name].GetDouble(0), table[name].GetDouble(2)],
                Enumerable.Range(0, 3).Select(r => gathered[name].GetDouble(r)));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => table.Gather([3]));
    }

    [Fact]
    public void Gather_and_slice_keep_names_and_types()
    {
        var table = Table.Create(("a", Column.Of(10L, 20, 30, 40)), ("b", Column.Of(1.0, 2, 3, 4)));
        var gathered = table.Gather([3, 1]);
        Assert.Equal([40L, 20], ((Column<long>)gathered["a"]).Span.ToArray());
        Assert.Equal([4.0, 2], ((Column<double>)gathered["b"]).Span.ToArray());
        var sliced = table.Slice(1, 2);
        Assert.Equal([20L, 30], ((Column<long>)sliced["a"]).Span.ToArray());
    }

    [Theory]
    [InlineData("<i8", DType.I8)]
    [InlineData("<f8", DType.F8)]
    [InlineData("<i4", DType.I4)]
    [InlineData("<f4", DType.F4)]
    [InlineData("|b1", DType.B1)]
    [InlineData("|u1", DType.U1)]
    public void Every_dtype_code_round_trips(string code, DType type)
    {
        Assert.Equal(type, DTypes.Parse(code));
        Assert.Equal(code, type.Code());
    }

    [Fact]
    public void Integer_columns_widen_to_doubles()
    {
        Assert.Equal([1.0, -2, 3], Column.Of(1L, -2, 3).AsDoubles().ToArray());
        Assert.Equal([1.0, 0], new Column<bool>([true, false]).AsDoubles().ToArray());
        Assert.Equal([1.5, 2], new Column<float>([1.5f, 2f]).AsDoubles().ToArray());
    }
}
