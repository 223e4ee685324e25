using Rtl.Data;
using Rtl.Grains.Tasks;
using Rtl.Tasks;
using Xunit;
using static Rtl.Tests.Tasks.TaskHarness;

namespace Rtl.Tests.Tasks;

public sealed class FilterTaskTests
{
    private readonly FilterTask task = new();

    /// <summary>The seed's filter fixture: a = 0..4 (i8), b = 5..1 (f8).</summary>
    private static Table Fixture() => Table.Create(("a", Column.Of(0L, 1, 2, 3, 4)), ("b", Column.Of(5.0, 4, 3, 2, 1)));

    private TaskOutput Filter(string column, string method, string value, Table? input = null) =>
        Run(task, $$"""{"operations": [{"column": "{{column}}", "method": "{{method}}", "value": {{value}}}]}""", input ?? Fixture());

    [Fact]
    public void Name_is_filter() => Assert.Equal("filter", task.Name);

    [Theory]
    [InlineData("eq", new long[] { 2 })]
    [InlineData("ne", new long[] { 0, 1, 3, 4 })]
    [InlineData("lt", new long[] { 0, 1 })]
    [InlineData("le", new long[] { 0, 1, 2 })]
    [InlineData("gt", new long[] { 3, 4 })]
    [InlineData("ge", new long[] { 2, 3, 4 })]
    public void Method_keeps_rows_where_column_compares_true_to_value(string method, long[] kept)
    {
        var output = Filter("a", method, "2");
        Assert.Equal(kept, output.Table.Longs("a"));
        Assert.Equal(kept.Select(a => 5.0 - a).ToArray(), output.Table.Doubles("b"));
        Assert.Equal([new TaskNote("Filtered Results", $"({kept.Length},)")], output.Notes);
    }

    [Fact]
    public void Gt_keeps_rows_greater_than_value_not_the_seeds_inverted_less_than() =>
        Assert.Equal([3L, 4], Filter("a", "gt", "2").Table.Longs("a"));

    [Fact]
    public void Method_is_case_insensitive() => Assert.Equal([3L, 4], Filter("a", "GT", "2").Table.Longs("a"));

    [Fact]
    public void Float_column_compares_with_fractional_value()
    {
        var output = Filter("b", "lt", "2.5");
        Assert.Equal([3L, 4], output.Table.Longs("a"));
    }

    [Fact]
    public void Int_column_compares_with_fractional_value_as_double() =>
        Assert.Equal([3L, 4], Filter("a", "ge", "2.5").Table.Longs("a"));

    [Fact]
    public void Operations_apply_in_order_and_record_the_count_after_each()
    {
        var output = Run(task, """
            {"operations": [{"column": "a", "value": 1, "method": "ne"}, {"column": "b", "value": 1.5, "method": "gt"}]}
            """, Fixture());
        Assert.Equal([0L, 2, 3], output.Table.Longs("a"));
        Assert.Equal([5.0, 3, 2], output.Table.Doubles("b"));
        Assert.Equal(["=> Filtered Results: (4,)", "=> Filtered Results: (3,)"], output.Notes.Select(n => n.ToString()));
    }

    [Fact]
    public void Seed_chained_raspi_tasks_case_with_meanings_fixed()
    {
        var input = Table.Create(("a", Column.Of(0L, 1, 2, 3)), ("b", Column.Of(3L, 2, 1, 0)));
        var output = Run(task, """
            {"operations": [{"column": "a", "value": 2, "method": "gt"}, {"column": "a", "value": 2, "method": "ge"}]}
            """, input);
        Assert.Equal([3L], output.Table.Longs("a"));
        Assert.Equal([0L], output.Table.Longs("b"));
        Assert.Equal(["=> Filtered Results: (1,)", "=> Filtered Results: (1,)"], output.Notes.Select(n => n.ToString()));
    }

    [Fact]
    public void Nan_rows_fail_every_comparison_except_ne()
    {
        var input = Table.Create(("v", Column.Of(1.0, double.NaN, 3.0, double.NaN, 5, 6, 7, 8, 9)));
        Assert.Equal([3.0, 5, 6, 7, 8, 9], Filter("v", "gt", "2", input).Table.Doubles("v"));
        Assert.Equal([1.0], Filter("v", "le", "2", input).Table.Doubles("v"));
        Assert.Equal(9, Filter("v", "ne", "2", input).Table.RowCount);
    }

    [Fact]
    public void Nan_value_keeps_nothing_for_eq_and_everything_for_ne()
    {
        var input = Large(300);
        Assert.Equal(0, Filter("x", "eq", "\"nan\"", input).Table.RowCount);
        Assert.Equal(300, Filter("x", "ne", "\"nan\"", input).Table.RowCount);
    }

    [Fact]
    public void Infinite_values_compare_as_numbers()
    {
        var input = Table.Create(("v", Column.Of(double.NegativeInfinity, 0, double.PositiveInfinity)));
        Assert.Equal([double.PositiveInfinity], Filter("v", "gt", "1e300", input).Table.Doubles("v"));
        Assert.Equal([double.NegativeInfinity, 0], Filter("v", "lt", "\"inf\"", input).Table.Doubles("v"));
        Assert.Equal([double.NegativeInfinity], Filter("v", "eq", "\"-inf\"", input).Table.Doubles("v"));
    }

    [Fact]
    public void Nothing_removed_returns_the_same_table()
    {
        var input = Fixture();
        Assert.Same(input, Filter("a", "ge", "0", input).Table);
    }

    [Fact]
    public void Everything_removed_leaves_zero_rows_with_the_schema()
    {
        var output = Filter("a", "gt", "100").Table;
        Assert.Equal(0, output.RowCount);
        Assert.Equal(Fixture().Schema.ToString(), output.Schema.ToString());
    }

    [Fact]
    public void Empty_table_stays_empty_and_reports_zero()
    {
        var output = Filter("a", "eq", "1", Empty());
        Assert.Equal(0, output.Table.RowCount);
        Assert.Equal("(0,)", output.Notes.Single().Value);
    }

    [Theory]
    [InlineData("eq")]
    [InlineData("ne")]
    [InlineData("lt")]
    [InlineData("le")]
    [InlineData("gt")]
    [InlineData("ge")]
    public void Large_tables_match_a_row_by_row_check(string method)
    {
        Func<double, double, bool> test = method switch
        {
            "eq" => (x, v) => x == v,
            "ne" => (x, v) => x != v,
            "lt" => (x, v) => x < v,
            "le" => (x, v) => x <= v,
            "gt" => (x, v) => x > v,
            _ => (x, v) => x >= v,
        };
        var input = Large(1003);
        var x = input.Doubles("x");
        var expected = Enumerable.Range(0, x.Length).Where(i => test(x[i], 0)).Select(i => (long)i).ToArray();
        var once = Filter("x", method, "0", input).Table;
        Assert.Equal(expected, once.Longs("i"));

        // The same method again narrows the already-kept rows (the refine path) to the same set.
        var twice = Run(task, $$"""
            {"operations": [{"column": "i", "method": "ge", "value": 10}, {"column": "x", "method": "{{method}}", "value": 0}]}
            """, input).Table;
        Assert.Equal(expected.Where(i => i >= 10), twice.Longs("i"));
    }

    [Fact]
    public void Unknown_method_is_an_error_not_a_silent_no_op() =>
        PlanFails(task, """{"operations": [{"column": "a", "value": 2, "method": "xx"}]}""", Fixture(),
            "operations[0].method", "unknown method 'xx' (expected one of: eq, ne, lt, le, gt, ge)");

    [Fact]
    public void Missing_method_is_an_error() =>
        PlanFails(task, """{"operations": [{"column": "a", "value": 2}]}""", Fixture(), "operations[0].method", "required argument is missing");

    [Fact]
    public void Missing_value_is_an_error() =>
        PlanFails(task, """{"operations": [{"column": "a", "method": "eq"}]}""", Fixture(), "operations[0].value", "required argument is missing");

    [Fact]
    public void Value_that_is_not_a_number_is_an_error() =>
        PlanFails(task, """{"operations": [{"column": "a", "method": "eq", "value": "two"}]}""", Fixture(),
            "operations[0].value", "expected a number, got the string \"two\"");

    [Fact]
    public void Missing_column_argument_is_an_error() =>
        PlanFails(task, """{"operations": [{"method": "eq", "value": 1}]}""", Fixture(), "operations[0].column", "required argument is missing");

    [Fact]
    public void Unknown_column_in_second_operation_lists_the_columns() =>
        PlanFails(task, """{"operations": [{"column": "a", "method": "eq", "value": 1}, {"column": "zz", "method": "eq", "value": 1}]}""", Fixture(),
            "operations[1].column", "column 'zz' not found (columns: a, b)");

    [Fact]
    public void Method_of_wrong_type_is_an_error() =>
        PlanFails(task, """{"operations": [{"column": "a", "method": 3, "value": 1}]}""", Fixture(),
            "operations[0].method", "expected a string, got the number 3");

    [Fact]
    public void Missing_operations_is_an_error() => PlanFails(task, "{}", Fixture(), "operations", "required argument is missing");

    [Fact]
    public void A_value_past_a_doubles_range_is_an_error_where_the_string_inf_is_infinity() =>
        PlanFails(task, """{"operations": [{"column": "b", "method": "lt", "value": 1e999}]}""", Fixture(), "operations[0].value",
            "the number 1e999 is out of range of a double (at most ±1.7976931348623157e308); write \"inf\" or \"-inf\" for an infinity");
}
