using Rtl.Data;
using Rtl.Grains.Tasks;
using Xunit;
using static Rtl.Tests.Tasks.TaskHarness;

namespace Rtl.Tests.Tasks;

/// <summary>
/// Expected values worked out by hand from pandas' <c>groupby(keys, dropna=False, sort=True).agg(...)</c>: NaN
/// values are skipped by every op; an all-NaN group counts 0, sums to 0 and has NaN for the rest.
/// </summary>
public sealed class GroupByTaskTests
{
    private readonly GroupByTask task = new();

    /// <summary>k = 1: x 4, 6; k = 2: x 1, NaN, 3; k = 3: x 5.</summary>
    private static Table Kx() => Table.Create(
        ("k", Column.Of(2L, 1, 2, 1, 3, 2)),
        ("x", Column.Of(1.0, 4, double.NaN, 6, 5, 3)));

    private static string One(string op, string extra = "") =>
        $$"""{"keys": ["k"], "aggregations": [{"a": "x", "op": "{{op}}", "column": "r"{{extra}}}]}""";

    [Fact]
    public void Name_is_group_by() => Assert.Equal("group_by", task.Name);

    [Fact]
    public void One_row_per_key_ordered_ascending_with_the_key_column_first()
    {
        var output = RunTable(task, One("sum"), Kx());
        Assert.Equal(["k", "r"], output.Names);
        Assert.Equal([1L, 2, 3], output.Longs("k"));
    }

    [Theory]
    [InlineData("sum", new[] { 10.0, 4, 5 })]
    [InlineData("mean", new[] { 5.0, 2, 5 })]
    [InlineData("min", new[] { 4.0, 1, 5 })]
    [InlineData("max", new[] { 6.0, 3, 5 })]
    [InlineData("first", new[] { 4.0, 1, 5 })]
    [InlineData("last", new[] { 6.0, 3, 5 })]
    [InlineData("var", new[] { 1.0, 1, 0 })]
    [InlineData("std", new[] { 1.0, 1, 0 })]
    public void Each_op_skips_nan_values_of_the_group(string op, double[] expected) =>
        Assert.Equal(expected, RunTable(task, One(op), Kx()).Doubles("r"));

    [Fact]
    public void Count_is_i8_and_counts_the_non_nan_values()
    {
        var output = RunTable(task, One("count"), Kx());
        Assert.Equal(DType.I8, output["r"].Type);
        Assert.Equal([2L, 2, 1], output.Longs("r"));
    }

    [Fact]
    public void Ddof_1_divides_by_n_minus_1_and_a_group_of_one_has_none()
    {
        Assert.Equal([2.0, 2, double.NaN], RunTable(task, One("var", """, "ddof": 1"""), Kx()).Doubles("r"));
        Assert.Equal([Math.Sqrt(2), Math.Sqrt(2), double.NaN], RunTable(task, One("std", """, "ddof": 1"""), Kx()).Doubles("r"));
    }

    [Fact]
    public void An_all_nan_group_counts_0_sums_to_0_and_has_nan_for_the_rest()
    {
        var input = Table.Create(("k", Column.Of(7L, 8, 7)), ("x", Column.Of(double.NaN, 1.0, double.NaN)));
        var json = """
            {"keys": "k", "aggregations": [{"a": "x", "op": "count", "column": "n"}, {"a": "x", "op": "sum", "column": "s"},
             {"a": "x", "op": "mean", "column": "m"}, {"a": "x", "op": "min", "column": "lo"}, {"a": "x", "op": "std", "column": "sd"},
             {"a": "x", "op": "first", "column": "f"}, {"a": "x", "op": "last", "column": "l"}]}
            """;
        var output = RunTable(task, json, input);
        Assert.Equal([0L, 1], output.Longs("n"));
        Assert.Equal([0.0, 1], output.Doubles("s"));
        foreach (var column in new[] { "m", "lo", "sd", "f", "l" })
        {
            Assert.True(double.IsNaN(output.Doubles(column)[0]), column);
        }
    }

    [Fact]
    public void Several_keys_order_lexicographically_keep_their_dtypes_and_nan_keys_sort_last()
    {
        var input = Table.Create(
            ("a", Column.Of(1L, 1, 0, 1, 0, 1)),
            ("b", Column.Of(double.NaN, 2.5, 2.5, double.NaN, -1, 2.5)),
            ("v", Column.Of(1.0, 2, 3, 4, 5, 6)));
        var json = """{"keys": ["a", "b"], "aggregations": [{"a": "v", "op": "sum", "column": "s"}, {"a": "v", "op": "count", "column": "n"}]}""";
        var output = RunTable(task, json, input);
        Assert.Equal(["a", "b", "s", "n"], output.Names);
        Assert.Equal([0L, 0, 1, 1], output.Longs("a"));
        Assert.Equal([-1.0, 2.5, 2.5, double.NaN], output.Doubles("b"));
        Assert.Equal([5.0, 3, 8, 5], output.Doubles("s"));
        Assert.Equal([1L, 1, 2, 2], output.Longs("n"));
    }

    [Fact]
    public void Float_keys_nan_is_one_group_and_negative_zero_joins_zero_showing_the_first_rows_value()
    {
        var input = Table.Create(("x", Column.Of(-0.0, 0.0, double.NaN, 1.5, double.NaN)), ("v", Column.Of(1.0, 2, 3, 4, 5)));
        var output = RunTable(task, """{"keys": ["x"], "aggregations": [{"a": "v", "op": "sum", "column": "s"}]}""", input);
        Assert.Equal([0.0, 1.5, double.NaN], output.Doubles("x"));
        Assert.True(double.IsNegative(output.Doubles("x")[0]));
        Assert.Equal([3.0, 4, 8], output.Doubles("s"));
    }

    [Fact]
    public void An_i4_key_stays_i4_and_an_integer_column_is_aggregated_as_doubles()
    {
        var input = Table.Create(("k", Column.Of(new[] { 5, -3, 5 })), ("n", Column.Of(10L, 20, 31)));
        var output = RunTable(task, """{"keys": ["k"], "aggregations": [{"a": "n", "op": "mean", "column": "m"}, {"a": "n", "op": "first", "column": "f"}]}""", input);
        Assert.Equal(DType.I4, output["k"].Type);
        Assert.Equal([-3.0, 5], output.Doubles("k"));
        Assert.Equal([20.0, 20.5], output.Doubles("m"));
        Assert.Equal(DType.F8, output["f"].Type);
        Assert.Equal([20.0, 10], output.Doubles("f"));
    }

    [Fact]
    public void A_sum_with_an_infinity_is_that_infinity_not_nan() =>
        Assert.Equal([double.PositiveInfinity], RunTable(task, One("sum"),
            Table.Create(("k", Column.Of(1L, 1, 1)), ("x", Column.Of(1.0, double.PositiveInfinity, 2)))).Doubles("r"));

    [Fact]
    public void A_compensated_sum_keeps_the_small_values_a_plain_sum_loses()
    {
        // 1 + 1e-16 ten times: a plain sum stays at 1; the exact sum is 1 + 1e-15.
        var x = new[] { 1.0 }.Concat(Enumerable.Repeat(1e-16, 10)).ToArray();
        var output = RunTable(task, One("sum"), Table.Create(("k", Column.Of(new long[11])), ("x", Column.Of(x))));
        Assert.Equal(1 + 1e-15, output.Doubles("r")[0], 1e-17);
    }

    [Fact]
    public void Without_aggregations_the_result_is_the_distinct_keys() =>
        Assert.Equal([1L, 2, 3], RunTable(task, """{"keys": ["k"], "aggregations": []}""", Kx()).Longs("k"));

    [Fact]
    public void Empty_table_gives_no_groups_with_the_planned_columns()
    {
        var output = RunTable(task, """{"keys": ["a"], "aggregations": [{"a": "x", "op": "count", "column": "n"}]}""", Empty());
        Assert.Equal(0, output.RowCount);
        Assert.Equal(["a", "n"], output.Names);
    }

    [Fact]
    public void Thousands_of_groups_beyond_the_first_hash_table_match_a_grouping_by_dictionary()
    {
        const int rows = 20_000;
        var k = Enumerable.Range(0, rows).Select(i => (long)((i * 7919L) % 5003) - 2500).ToArray();
        var x = Enumerable.Range(0, rows).Select(i => (double)(i % 97)).ToArray();
        var output = RunTable(task, """{"keys": ["k"], "aggregations": [{"a": "x", "op": "max", "column": "top"}, {"a": "x", "op": "count", "column": "n"}]}""",
            Table.Create(("k", Column.Of(k)), ("x", Column.Of(x))));

        var expected = k.Zip(x).GroupBy(p => p.First).OrderBy(g => g.Key).ToArray();
        Assert.Equal(expected.Select(g => g.Key).ToArray(), output.Longs("k"));
        Assert.Equal(expected.Select(g => g.Max(p => p.Second)).ToArray(), output.Doubles("top"));
        Assert.Equal(expected.Select(g => (long)g.Count()).ToArray(), output.Longs("n"));
    }

    [Fact]
    public void Unknown_op_is_located_and_lists_the_ops() =>
        PlanFails(task, """{"keys": ["k"], "aggregations": [{"a": "x", "op": "sum", "column": "s"}, {"a": "x", "op": "median", "column": "m"}]}""", Kx(),
            "aggregations[1].op", "unknown op 'median' (expected one of: count, sum, mean, min, max, std, var, first, last)");

    [Fact]
    public void Missing_keys_is_an_error() => PlanFails(task, """{"aggregations": []}""", Kx(), "keys", "required argument is missing");

    [Fact]
    public void Unknown_key_lists_the_columns() =>
        PlanFails(task, """{"keys": ["k", "z"], "aggregations": []}""", Kx(), "keys[1]", "column 'z' not found (columns: k, x)");

    [Fact]
    public void Unknown_aggregated_column_is_located() =>
        PlanFails(task, """{"keys": "k", "aggregations": [{"a": "q", "op": "sum", "column": "s"}]}""", Kx(), "aggregations[0].a", "column 'q' not found (columns: k, x)");

    [Fact]
    public void Ddof_on_an_op_other_than_std_or_var_is_an_error() =>
        PlanFails(task, One("mean", """, "ddof": 1"""), Kx(), "aggregations[0].ddof", "ddof applies to std and var, not mean");

    [Fact]
    public void Negative_ddof_is_an_error() =>
        PlanFails(task, One("var", """, "ddof": -1"""), Kx(), "aggregations[0].ddof", "expected an integer >= 0, got -1");

    [Fact]
    public void An_output_column_named_like_a_key_or_another_output_is_an_error()
    {
        PlanFails(task, """{"keys": "k", "aggregations": [{"a": "x", "op": "sum", "column": "k"}]}""", Kx(),
            "aggregations[0].column", "'k' is already a column of the result (give each aggregation its own name)");
        PlanFails(task, """{"keys": "k", "aggregations": [{"a": "x", "op": "sum", "column": "s"}, {"a": "x", "op": "max", "column": "s"}]}""", Kx(),
            "aggregations[1].column", "'s' is already a column of the result (give each aggregation its own name)");
    }

    [Fact]
    public void A_key_listed_twice_is_an_error() =>
        PlanFails(task, """{"keys": ["k", "k"], "aggregations": []}""", Kx(), "keys", "'k' is listed twice");
}
