using Rtl.Data;
using Rtl.Grains.Tasks;
using Xunit;
using static Rtl.Tests.Tasks.TaskHarness;

namespace Rtl.Tests.Tasks;

public sealed class HistogramTaskTests
{
    private readonly HistogramTask task = new();

    private Table Histogram(string a, string bins, Table input) =>
        RunTable(task, $$"""{"operations": [{"a": "{{a}}", "bins": {{bins}}, "column": "h"}]}""", input);

    [Fact]
    public void Name_is_histogram() => Assert.Equal("histogram", task.Name);

    [Fact]
    public void Seed_raspi_tasks_case_minimum_gets_first_edge_others_their_upper_edge()
    {
        var input = Table.Create(("a", Column.Of(0L, 1, 2, 3)), ("b", Column.Of(3L, 2, 1, 0)));
        var output = Histogram("a", "2", input);
        Assert.Equal([0.0, 1.5, 3.0, 3.0], output.Doubles("h"));
        Assert.Equal(DType.F8, output["h"].Type);
    }

    [Fact]
    public void Seed_float_column_four_bins() =>
        Assert.Equal([3.5, -2.0, 6.25, 0.75, 9.0], Histogram("x", "4", Axy()).Doubles("h"));

    [Fact]
    public void Seed_explicit_edges_with_nan_above_the_last_edge() =>
        Close([2.0, 0.0, 5.0, 0.0, double.NaN], Histogram("x", "[0, 2, 5]", Axy()).Doubles("h"));

    [Fact]
    public void Value_on_an_edge_gets_that_edge() =>
        Assert.Equal([2.0, 2.0], Histogram("v", "[0, 2, 5]", Table.Create(("v", Column.Of(2.0, 1.5)))).Doubles("h"));

    [Fact]
    public void Constant_column_widens_the_range_by_half_each_way() =>
        Assert.Equal([3.5, 3.5], Histogram("v", "1", Table.Create(("v", Column.Of(3L, 3)))).Doubles("h"));

    [Fact]
    public void Nan_and_infinities_are_kept_out_of_the_range_and_tagged_by_the_rule()
    {
        var input = Table.Create(("v", Column.Of(0.0, double.NaN, 4, double.PositiveInfinity, double.NegativeInfinity)));
        Close([0, double.NaN, 4, double.NaN, 0], Histogram("v", "2", input).Doubles("h"));
    }

    [Fact]
    public void Empty_table_gives_an_empty_column() => Assert.Equal(0, Histogram("x", "3", Empty())["h"].Length);

    [Fact]
    public void More_than_256_rows_are_all_tagged()
    {
        var output = Histogram("i", "10", Large(1000));
        var h = output.Doubles("h");
        Assert.Equal(0, h[0]);
        Assert.Equal(99.9, h[1], 9);
        Assert.Equal(999, h[999]);
        Assert.All(h, v => Assert.False(double.IsNaN(v)));
    }

    [Fact]
    public void Equal_width_bins_tag_like_a_search_for_the_first_edge_at_least_the_value()
    {
        var random = new Random(5);
        var edges = Rtl.Grains.Tasks.Internals.Spaces.Linspace(-3.7, 12.1, 8);
        var values = Enumerable.Range(0, 5000)
            .Select(i => i % 5 == 0 ? edges[random.Next(edges.Length)] : -3.7 + (random.NextDouble() * 15.8))
            .Append(-3.7).Append(12.1).ToArray();
        var output = Histogram("v", "7", Table.Create(("v", Column.Of(values))));
        Assert.Equal(values.Select(v => edges.First(e => e >= v)).ToArray(), output.Doubles("h"));
    }

    [Fact]
    public void Later_operation_reads_the_column_an_earlier_one_wrote()
    {
        var output = RunTable(task, """{"operations": [{"a": "x", "bins": 2, "column": "h1"}, {"a": "h1", "bins": 1, "column": "h2"}]}""", Axy());
        Assert.Equal(["a", "x", "y", "h1", "h2"], output.Names.ToArray());
    }

    [Fact]
    public void Missing_bins_is_an_error() =>
        PlanFails(task, """{"operations": [{"a": "x", "column": "h"}]}""", Axy(), "operations[0].bins", "required argument is missing");

    [Fact]
    public void Zero_bins_is_an_error() =>
        PlanFails(task, """{"operations": [{"a": "x", "bins": 0, "column": "h"}]}""", Axy(), "operations[0].bins", "expected an integer from 1 to 1,000,000, got 0");

    [Fact]
    public void Fractional_bins_is_an_error() =>
        PlanFails(task, """{"operations": [{"a": "x", "bins": 2.5, "column": "h"}]}""", Axy(), "operations[0].bins", "expected an integer from 1 to 1,000,000, got 2.5");

    [Fact]
    public void More_bins_than_the_limit_is_an_error_naming_it() =>
        PlanFails(task, """{"operations": [{"a": "x", "bins": 1e8, "column": "h"}]}""", Axy(), "operations[0].bins", "expected an integer from 1 to 1,000,000, got 100000000");

    [Fact]
    public void More_edges_than_the_limit_is_an_error_naming_it() =>
        PlanFails(task, $$"""{"operations": [{"a": "x", "bins": [{{string.Join(", ", Enumerable.Range(0, HistogramTask.MaxBins + 2))}}], "column": "h"}]}""", Axy(),
            "operations[0].bins", "expected at most 1,000,001 bin edges, got 1,000,002");

    [Fact]
    public void An_edge_past_a_double_is_an_error_not_infinity() =>
        PlanFails(task, """{"operations": [{"a": "x", "bins": [0, 1e999], "column": "h"}]}""", Axy(), "operations[0].bins[1]",
            "the number 1e999 is out of range of a double (at most ±1.7976931348623157e308); write \"inf\" or \"-inf\" for an infinity");

    [Fact]
    public void Bins_of_wrong_type_is_an_error() =>
        PlanFails(task, """{"operations": [{"a": "x", "bins": "auto", "column": "h"}]}""", Axy(),
            "operations[0].bins", "expected a bin count or a list of bin edges, got the string \"auto\"");

    [Fact]
    public void Decreasing_edges_are_an_error() =>
        PlanFails(task, """{"operations": [{"a": "x", "bins": [0, 5, 2], "column": "h"}]}""", Axy(),
            "operations[0].bins[2]", "bin edges must increase monotonically (5 then 2)");

    [Fact]
    public void Non_number_edge_is_an_error() =>
        PlanFails(task, """{"operations": [{"a": "x", "bins": [0, "x"], "column": "h"}]}""", Axy(),
            "operations[0].bins[1]", "expected a number, got the string \"x\"");

    [Fact]
    public void Empty_edges_are_an_error() =>
        PlanFails(task, """{"operations": [{"a": "x", "bins": [], "column": "h"}]}""", Axy(), "operations[0].bins", "expected at least one bin edge");

    [Fact]
    public void Unknown_a_lists_the_columns() =>
        PlanFails(task, """{"operations": [{"a": "q", "bins": 2, "column": "h"}]}""", Axy(), "operations[0].a", "column 'q' not found (columns: a, x, y)");

    [Fact]
    public void Missing_column_is_an_error() =>
        PlanFails(task, """{"operations": [{"a": "x", "bins": 2}]}""", Axy(), "operations[0].column", "required argument is missing");
}
