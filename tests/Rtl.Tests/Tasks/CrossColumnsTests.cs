using Rtl.Data;
using Rtl.Grains.Tasks;
using Rtl.Tasks;
using Xunit;
using static Rtl.Tests.Tasks.TaskHarness;

namespace Rtl.Tests.Tasks;

/// <summary>What cross_average, aggregate and cross_max share: <c>operations: [{columns, column}]</c>.</summary>
public abstract class CrossColumnsTests(IRtlTask task)
{
    protected IRtlTask Task { get; } = task;

    [Fact]
    public void Single_name_string_is_a_list_of_one_not_a_substring_pattern()
    {
        var output = RunTable(Task, """{"operations": [{"columns": "x", "column": "c"}]}""", Axy());
        Assert.Equal(Axy().Doubles("x"), output.Doubles("c"));
        PlanFails(Task, """{"operations": [{"columns": "xy", "column": "c"}]}""", Axy(), "operations[0].columns", "column 'xy' not found (columns: a, x, y)");
    }

    [Fact]
    public void Later_operation_reads_the_column_an_earlier_one_wrote()
    {
        var output = RunTable(Task, """{"operations": [{"columns": ["x", "y"], "column": "c"}, {"columns": ["c", "a"], "column": "d"}]}""", Axy());
        Assert.Equal(["a", "x", "y", "c", "d"], output.Names.ToArray());
    }

    [Fact]
    public void Column_listed_twice_counts_once()
    {
        var once = RunTable(Task, """{"operations": [{"columns": ["x", "y"], "column": "c"}]}""", Axy());
        var twice = RunTable(Task, """{"operations": [{"columns": ["x", "y", "x"], "column": "c"}]}""", Axy());
        Assert.Equal(once.Doubles("c"), twice.Doubles("c"));
    }

    [Fact]
    public void Nan_in_any_listed_column_makes_the_row_nan()
    {
        var input = Table.Create(("p", Column.Of(1.0, double.NaN, 3, 4, 5, 6)), ("q", Column.Of(double.NaN, 2.0, 3, 4, 5, 6)));
        var output = RunTable(Task, """{"operations": [{"columns": ["p", "q"], "column": "c"}]}""", input);
        Assert.True(double.IsNaN(output.Doubles("c")[0]));
        Assert.True(double.IsNaN(output.Doubles("c")[1]));
        Assert.Equal(3, output.Doubles("c")[2]);
    }

    [Fact]
    public void Empty_table_gives_an_empty_column() =>
        Assert.Equal(0, RunTable(Task, """{"operations": [{"columns": ["a", "x"], "column": "c"}]}""", Empty())["c"].Length);

    [Fact]
    public void Missing_columns_is_an_error() =>
        PlanFails(Task, """{"operations": [{"column": "c"}]}""", Axy(), "operations[0].columns", "required argument is missing");

    [Fact]
    public void Unknown_listed_column_names_its_index() =>
        PlanFails(Task, """{"operations": [{"columns": ["x", "nope"], "column": "c"}]}""", Axy(), "operations[0].columns[1]", "column 'nope' not found (columns: a, x, y)");

    [Fact]
    public void Columns_of_wrong_type_is_an_error() =>
        PlanFails(Task, """{"operations": [{"columns": 3, "column": "c"}]}""", Axy(), "operations[0].columns", "expected a list of column names, got the number 3");

    [Fact]
    public void Non_string_item_is_an_error() =>
        PlanFails(Task, """{"operations": [{"columns": ["x", 1], "column": "c"}]}""", Axy(), "operations[0].columns[1]", "expected a column name, got the number 1");

    [Fact]
    public void Empty_list_is_an_error() =>
        PlanFails(Task, """{"operations": [{"columns": [], "column": "c"}]}""", Axy(), "operations[0].columns", "expected at least one column name");

    [Fact]
    public void Missing_column_is_an_error() =>
        PlanFails(Task, """{"operations": [{"columns": ["x"]}]}""", Axy(), "operations[0].column", "required argument is missing");
}

public abstract class CrossMeanTests(IRtlTask task) : CrossColumnsTests(task)
{
    [Fact]
    public void Seed_raspi_tasks_case_row_mean_of_int_columns()
    {
        var output = RunTable(Task, """{"operations": [{"column": "c", "columns": ["a", "b"]}]}""", Ab());
        Assert.Equal([1.0, 12.0, 7.5, 5.0], output.Doubles("c"));
        Assert.Equal(DType.F8, output["c"].Type);
    }

    [Fact]
    public void Seed_mixed_types_listed_out_of_order()
    {
        var output = RunTable(Task, """{"operations": [{"column": "c", "columns": ["y", "a", "x"]}]}""", Axy());
        Assert.Equal([1.1666666666666667, 1.0, 4.666666666666667, 1.0, 5.333333333333333], output.Doubles("c"));
    }

    [Fact]
    public void More_than_256_rows_are_all_computed()
    {
        var input = Large(1000);
        var output = RunTable(Task, """{"operations": [{"column": "c", "columns": ["i", "x"]}]}""", input);
        Close(input.Doubles("i").Zip(input.Doubles("x"), (i, x) => (i + x) / 2).ToArray(), output.Doubles("c"));
    }
}

public sealed class CrossAverageTaskTests() : CrossMeanTests(new CrossAverageTask())
{
    [Fact]
    public void Name_is_cross_average() => Assert.Equal("cross_average", Task.Name);
}

public sealed class AggregateTaskTests() : CrossMeanTests(new AggregateTask())
{
    [Fact]
    public void Name_is_aggregate() => Assert.Equal("aggregate", Task.Name);
}

public sealed class CrossMaxTaskTests() : CrossColumnsTests(new CrossMaxTask())
{
    [Fact]
    public void Name_is_cross_max() => Assert.Equal("cross_max", Task.Name);

    [Fact]
    public void Seed_raspi_tasks_case_row_max_of_int_columns()
    {
        var output = RunTable(Task, """{"operations": [{"column": "c", "columns": ["a", "b"]}]}""", Ab());
        Assert.Equal([2.0, 23.0, 13.0, 7.0], output.Doubles("c"));
    }

    [Fact]
    public void Seed_mixed_types_listed_out_of_order()
    {
        var output = RunTable(Task, """{"operations": [{"column": "c", "columns": ["y", "a", "x"]}]}""", Axy());
        Assert.Equal([2.0, 4.0, 8.0, 3.0, 9.0], output.Doubles("c"));
    }

    [Fact]
    public void Infinities_are_ordinary_extremes()
    {
        var input = Table.Create(("p", Column.Of(double.NegativeInfinity, 1)), ("q", Column.Of(-5.0, double.PositiveInfinity)));
        Assert.Equal([-5.0, double.PositiveInfinity], RunTable(Task, """{"operations": [{"column": "c", "columns": ["p", "q"]}]}""", input).Doubles("c"));
    }

    [Fact]
    public void More_than_256_rows_are_all_computed()
    {
        var input = Large(1000);
        var output = RunTable(Task, """{"operations": [{"column": "c", "columns": ["i", "x"]}]}""", input);
        Assert.Equal(input.Doubles("i").Zip(input.Doubles("x"), Math.Max).ToArray(), output.Doubles("c"));
    }
}
