using Rtl.Data;
using Rtl.Grains.Tasks;
using Xunit;
using static Rtl.Tests.Tasks.TaskHarness;

namespace Rtl.Tests.Tasks;

public sealed class UniqueTaskTests
{
    private readonly UniqueTask task = new();

    private static Table Kv() => Table.Create(("k", Column.Of(5L, 3, 5, 9, 3)), ("v", Column.Of(1.0, 2, 3, 4, 5)));

    [Fact]
    public void Name_is_unique() => Assert.Equal("unique", task.Name);

    [Fact]
    public void Seed_keeps_the_last_row_per_value_ordered_by_value()
    {
        var output = RunTable(task, """{"a": "k"}""", Kv());
        Assert.Equal([3L, 5, 9], output.Longs("k"));
        Assert.Equal([5.0, 3, 4], output.Doubles("v"));
    }

    [Fact]
    public void Seed_all_equal_rows_collapse_to_one()
    {
        var input = Table.Create(("a", Column.Of(4L, 4, 4, 4)), ("b", Column.Of(4L, 4, 4, 4)));
        var output = RunTable(task, """{"a": "a", "column": "c1"}""", input);
        Assert.Equal([4L], output.Longs("a"));
        Assert.Equal([4L], output.Longs("b"));
    }

    [Fact]
    public void Keep_first_keeps_the_first_row_per_value()
    {
        var output = RunTable(task, """{"a": "k", "keep": "first"}""", Kv());
        Assert.Equal([3L, 5, 9], output.Longs("k"));
        Assert.Equal([2.0, 1, 4], output.Doubles("v"));
    }

    [Fact]
    public void Keep_last_can_be_given_explicitly() =>
        Assert.Equal([5.0, 3, 4], RunTable(task, """{"a": "k", "keep": "last"}""", Kv()).Doubles("v"));

    [Fact]
    public void Float_values_nan_is_one_value_sorted_last_and_negative_zero_equals_zero()
    {
        var input = Table.Create(("x", Column.Of(double.NaN, 0.0, 2.5, double.NaN, -0.0, double.NegativeInfinity)), ("row", Column.Of(0L, 1, 2, 3, 4, 5)));
        var output = RunTable(task, """{"a": "x"}""", input);
        Assert.Equal([5L, 4, 2, 3], output.Longs("row"));
    }

    [Fact]
    public void Distinct_sorted_table_is_returned_as_is()
    {
        var input = Ab();
        Assert.Same(input, RunTable(task, """{"a": "a"}""", input));
    }

    [Fact]
    public void Empty_table_stays_empty() => Assert.Equal(0, RunTable(task, """{"a": "x"}""", Empty()).RowCount);

    [Fact]
    public void More_than_256_rows_reduce_to_the_distinct_values()
    {
        var input = Table.Create(("m", Column.Of(Enumerable.Range(0, 1000).Select(i => (long)(i % 300)).ToArray())), ("row", Column.Of(Enumerable.Range(0, 1000).Select(i => (long)i).ToArray())));
        var output = RunTable(task, """{"a": "m"}""", input);
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i).ToArray(), output.Longs("m"));
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)(i < 100 ? 900 + i : 600 + i)).ToArray(), output.Longs("row"));
    }

    [Fact]
    public void Missing_a_is_an_error() => PlanFails(task, "{}", Kv(), "a", "required argument is missing");

    [Fact]
    public void Unknown_a_lists_the_columns() => PlanFails(task, """{"a": "z"}""", Kv(), "a", "column 'z' not found (columns: k, v)");

    [Fact]
    public void A_of_wrong_type_is_an_error() => PlanFails(task, """{"a": ["k"]}""", Kv(), "a", "expected a string, got a list");

    [Fact]
    public void Unknown_keep_is_an_error() =>
        PlanFails(task, """{"a": "k", "keep": "middle"}""", Kv(), "keep", "unknown keep 'middle' (expected one of: last, first)");
}
