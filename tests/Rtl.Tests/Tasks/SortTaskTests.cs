using Rtl.Data;
using Rtl.Grains.Tasks;
using Xunit;
using static Rtl.Tests.Tasks.TaskHarness;

namespace Rtl.Tests.Tasks;

public sealed class SortTaskTests
{
    private readonly SortTask task = new();

    [Fact]
    public void Name_is_sort() => Assert.Equal("sort", task.Name);

    [Fact]
    public void Seed_raspi_tasks_case_sorts_rows_by_the_column_without_touching_the_input()
    {
        var input = Table.Create(("a", Column.Of(0L, 1, 2, 3)), ("b", Column.Of(3L, 2, 1, 0)));
        var output = RunTable(task, """{"axis": 0, "method": "quicksort", "column": "b"}""", input);
        Assert.Equal([3L, 2, 1, 0], output.Longs("a"));
        Assert.Equal([0L, 1, 2, 3], output.Longs("b"));
        Assert.Equal([0L, 1, 2, 3], input.Longs("a"));
    }

    [Fact]
    public void Seed_stable_float_case()
    {
        var output = RunTable(task, """{"kind": "stable", "column": "x"}""", Axy());
        Assert.Equal([1L, 3, 0, 2, 4], output.Longs("a"));
        Assert.Equal([-2.0, 0.0, 1.5, 4.0, 9.0], output.Doubles("x"));
        Assert.Equal([4.0, 0.0, 2.0, 8.0, 3.0], output.Doubles("y"));
    }

    [Theory]
    [InlineData("quicksort")]
    [InlineData("mergesort")]
    [InlineData("heapsort")]
    [InlineData("stable")]
    public void Every_kind_keeps_ties_in_input_order(string kind)
    {
        var input = Table.Create(("k", Column.Of(2L, 1, 2, 1, 2)), ("row", Column.Of(0L, 1, 2, 3, 4)));
        var output = RunTable(task, $$"""{"kind": "{{kind}}", "column": "k"}""", input);
        Assert.Equal([1L, 3, 0, 2, 4], output.Longs("row"));
    }

    [Fact]
    public void Kind_is_optional_and_without_it_the_order_is_stable()
    {
        var input = Table.Create(("k", Column.Of(2L, 1, 2, 1, 2)), ("row", Column.Of(0L, 1, 2, 3, 4)));
        Assert.Equal([1L, 3, 0, 2, 4], RunTable(task, """{"column": "k"}""", input).Longs("row"));
        PlanFails(task, """{"column": "k", "kind": "bogosort"}""", input, "kind", "unknown kind 'bogosort' (expected one of: quicksort, mergesort, heapsort, stable)");
    }

    [Fact]
    public void Descending_puts_largest_first_and_still_keeps_ties_in_input_order()
    {
        var input = Table.Create(("k", Column.Of(2L, 1, 2, 1, 3)), ("row", Column.Of(0L, 1, 2, 3, 4)));
        var output = RunTable(task, """{"kind": "stable", "column": "k", "descending": true}""", input);
        Assert.Equal([4L, 0, 2, 1, 3], output.Longs("row"));
    }

    [Fact]
    public void Several_columns_sort_lexicographically()
    {
        var input = Table.Create(("p", Column.Of(1L, 0, 1, 0)), ("q", Column.Of(0.5, 2, -1, 1)), ("row", Column.Of(0L, 1, 2, 3)));
        Assert.Equal([3L, 1, 2, 0], RunTable(task, """{"kind": "stable", "columns": ["p", "q"]}""", input).Longs("row"));
        Assert.Equal([3L, 1, 2, 0], RunTable(task, """{"kind": "stable", "column": ["p", "q"]}""", input).Longs("row"));
        Assert.Equal([2L, 0, 3, 1], RunTable(task, """{"kind": "stable", "columns": ["q", "p"]}""", input).Longs("row"));
    }

    [Fact]
    public void Nan_sorts_last_both_ways_and_negative_zero_ties_with_zero()
    {
        var input = Table.Create(("v", Column.Of(double.NaN, 0.0, double.NegativeInfinity, -0.0, double.PositiveInfinity, -1)), ("row", Column.Of(0L, 1, 2, 3, 4, 5)));
        Assert.Equal([2L, 5, 1, 3, 4, 0], RunTable(task, """{"kind": "stable", "column": "v"}""", input).Longs("row"));
        Assert.Equal([4L, 1, 3, 5, 2, 0], RunTable(task, """{"kind": "stable", "column": "v", "descending": true}""", input).Longs("row"));
    }

    [Fact]
    public void Int64_keys_sort_exactly_including_extremes()
    {
        var values = new[] { long.MaxValue, long.MinValue, 0, -1, (1L << 53) + 1, 1L << 53 };
        var output = RunTable(task, """{"kind": "stable", "column": "v"}""", Table.Create(("v", Column.Of(values))));
        Assert.Equal(values.Order().ToArray(), output.Longs("v"));
    }

    [Fact]
    public void Int32_float32_byte_and_bool_columns_sort_by_value()
    {
        var input = Table.Create(
            ("i", Column.Of(new[] { 3, -1, 2 })),
            ("f", Column.Of(new[] { 0.5f, -2f, 1f })),
            ("u", Column.Of(new byte[] { 200, 1, 7 })),
            ("b", Column.Of(new[] { true, false, true })));
        Assert.Equal([-1.0, 2, 3], RunTable(task, """{"kind": "stable", "column": "i"}""", input).Doubles("i"));
        Assert.Equal([-2.0, 0.5, 1], RunTable(task, """{"kind": "stable", "column": "f"}""", input).Doubles("f"));
        Assert.Equal([1.0, 7, 200], RunTable(task, """{"kind": "stable", "column": "u"}""", input).Doubles("u"));
        Assert.Equal([-1.0, 3, 2], RunTable(task, """{"kind": "stable", "column": "b"}""", input).Doubles("i"));
    }

    [Fact]
    public void Already_sorted_table_is_returned_as_is()
    {
        var input = Ab();
        Assert.Same(input, RunTable(task, """{"kind": "stable", "column": "a"}""", input));
    }

    [Fact]
    public void Empty_table_stays_empty() => Assert.Equal(0, RunTable(task, """{"kind": "stable", "column": "x"}""", Empty()).RowCount);

    [Fact]
    public void More_than_256_rows_sort_like_a_stable_reference_sort()
    {
        var input = Large(5000);
        var x = input.Doubles("x");
        var expected = Enumerable.Range(0, x.Length).OrderBy(i => x[i]).Select(i => (long)i).ToArray();
        Assert.Equal(expected, RunTable(task, """{"kind": "quicksort", "column": "x"}""", input).Longs("i"));
        var descending = Enumerable.Range(0, x.Length).OrderByDescending(i => x[i]).Select(i => (long)i).ToArray();
        Assert.Equal(descending, RunTable(task, """{"kind": "quicksort", "column": "x", "descending": true}""", input).Longs("i"));
    }

    [Fact]
    public void Missing_column_is_an_error() => PlanFails(task, """{"kind": "stable"}""", Axy(), "column", "required argument is missing");

    [Fact]
    public void Unknown_column_lists_the_columns() =>
        PlanFails(task, """{"kind": "stable", "column": "z"}""", Axy(), "column", "column 'z' not found (columns: a, x, y)");

    [Fact]
    public void Unknown_listed_column_names_its_index() =>
        PlanFails(task, """{"kind": "stable", "columns": ["x", "z"]}""", Axy(), "columns[1]", "column 'z' not found (columns: a, x, y)");

    [Fact]
    public void Column_and_columns_together_is_an_error() =>
        PlanFails(task, """{"kind": "stable", "column": "x", "columns": ["y"]}""", Axy(), "columns", "give column or columns, not both");

    [Fact]
    public void Unknown_kind_is_an_error() =>
        PlanFails(task, """{"kind": "bubblesort", "column": "x"}""", Axy(), "kind",
            "unknown kind 'bubblesort' (expected one of: quicksort, mergesort, heapsort, stable)");

    [Fact]
    public void Unknown_seed_method_is_an_error() =>
        PlanFails(task, """{"method": "bogo", "column": "x"}""", Axy(), "method",
            "unknown method 'bogo' (expected one of: quicksort, mergesort, heapsort, stable)");

    [Fact]
    public void Descending_of_wrong_type_is_an_error() =>
        PlanFails(task, """{"kind": "stable", "column": "x", "descending": "yes"}""", Axy(), "descending", "expected true or false, got the string \"yes\"");

    [Fact]
    public void Axis_other_than_zero_is_an_error() =>
        PlanFails(task, """{"kind": "stable", "column": "x", "axis": 1}""", Axy(), "axis", "only axis 0 (rows) exists for a table");
}
