using Rtl.Data;
using Rtl.Grains.Tasks;
using Rtl.Tasks;
using Xunit;
using static Rtl.Tests.Tasks.TaskHarness;

namespace Rtl.Tests.Tasks;

/// <summary>What log, square_root, average and difference share: <c>operations: [{a, column}]</c>.</summary>
public abstract class UnaryTaskTests(IRtlTask task)
{
    protected IRtlTask Task { get; } = task;

    [Fact]
    public void Writes_an_f8_column_after_the_others()
    {
        var output = RunTable(Task, """{"operations": [{"a": "a", "column": "r"}]}""", Axy());
        Assert.Equal("[('a', '<i8'), ('x', '<f8'), ('y', '<f8'), ('r', '<f8')]", output.Schema.ToString());
    }

    [Fact]
    public void Later_operation_reads_the_column_an_earlier_one_wrote()
    {
        var output = RunTable(Task, """{"operations": [{"a": "y", "column": "r1"}, {"a": "r1", "column": "r2"}]}""", Axy());
        Assert.Equal(["a", "x", "y", "r1", "r2"], output.Names.ToArray());
    }

    [Fact]
    public void Existing_column_is_replaced_and_others_are_shared()
    {
        var input = Axy();
        var output = RunTable(Task, """{"operations": [{"a": "y", "column": "x"}]}""", input);
        Assert.Equal(["a", "x", "y"], output.Names.ToArray());
        Assert.Same(input["a"], output["a"]);
        Assert.Same(input["y"], output["y"]);
    }

    [Fact]
    public void Empty_table_gives_an_empty_column() =>
        Assert.Equal(0, RunTable(Task, """{"operations": [{"a": "a", "column": "r"}]}""", Empty())["r"].Length);

    [Fact]
    public void Missing_a_is_an_error() =>
        PlanFails(Task, """{"operations": [{"column": "r"}]}""", Axy(), "operations[0].a", "required argument is missing");

    [Fact]
    public void Unknown_a_lists_the_columns() =>
        PlanFails(Task, """{"operations": [{"a": "q", "column": "r"}]}""", Axy(), "operations[0].a", "column 'q' not found (columns: a, x, y)");

    [Fact]
    public void A_of_wrong_type_is_an_error() =>
        PlanFails(Task, """{"operations": [{"a": ["x"], "column": "r"}]}""", Axy(), "operations[0].a", "expected a string, got a list");

    [Fact]
    public void Missing_column_is_an_error() =>
        PlanFails(Task, """{"operations": [{"a": "x"}]}""", Axy(), "operations[0].column", "required argument is missing");

    [Fact]
    public void Missing_operations_is_an_error() => PlanFails(Task, "{}", Axy(), "operations", "required argument is missing");
}

public sealed class LogTaskTests() : UnaryTaskTests(new LogTask())
{
    [Fact]
    public void Name_is_log() => Assert.Equal("log", Task.Name);

    [Fact]
    public void Seed_case_natural_log_with_nan_for_negative_and_minus_inf_for_zero()
    {
        var output = RunTable(Task, """{"operations": [{"a": "x", "column": "r1"}, {"a": "a", "column": "r2"}]}""", Axy());
        Close([0.4054651081081644, double.NaN, 1.3862943611198906, double.NegativeInfinity, 2.197224577336219], output.Doubles("r1"), 1e-15);
        Close([double.NegativeInfinity, 0.0, 0.6931471805599453, 1.0986122886681096, 1.3862943611198906], output.Doubles("r2"), 1e-15);
    }

    [Fact]
    public void Nan_and_infinities_follow_ieee()
    {
        var input = Table.Create(("v", Column.Of(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, double.Epsilon)));
        var output = RunTable(Task, """{"operations": [{"a": "v", "column": "r"}]}""", input);
        Close([double.NaN, double.PositiveInfinity, double.NaN, double.NegativeInfinity, Math.Log(double.Epsilon)], output.Doubles("r"));
    }

    [Fact]
    public void More_than_256_rows_are_all_computed()
    {
        var input = Large(1000);
        Close(input.Doubles("i").Select(v => Math.Log(v)).ToArray(), RunTable(Task, """{"operations": [{"a": "i", "column": "r"}]}""", input).Doubles("r"));
    }
}

public sealed class SquareRootTaskTests() : UnaryTaskTests(new SquareRootTask())
{
    [Fact]
    public void Name_is_square_root() => Assert.Equal("square_root", Task.Name);

    [Fact]
    public void Seed_case_square_root_with_nan_for_negative()
    {
        var output = RunTable(Task, """{"operations": [{"a": "x", "column": "r1"}, {"a": "a", "column": "r2"}]}""", Axy());
        Close([1.224744871391589, double.NaN, 2.0, 0.0, 3.0], output.Doubles("r1"), 1e-15);
        Close([0.0, 1.0, 1.4142135623730951, 1.7320508075688772, 2.0], output.Doubles("r2"), 1e-15);
    }

    [Fact]
    public void Nan_and_infinities_follow_ieee()
    {
        var input = Table.Create(("v", Column.Of(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0)));
        var output = RunTable(Task, """{"operations": [{"a": "v", "column": "r"}]}""", input);
        Close([double.NaN, double.PositiveInfinity, double.NaN, 0], output.Doubles("r"));
    }

    [Fact]
    public void More_than_256_rows_are_all_computed()
    {
        var input = Large(1000);
        Close(input.Doubles("x").Select(v => Math.Sqrt(v)).ToArray(), RunTable(Task, """{"operations": [{"a": "x", "column": "r"}]}""", input).Doubles("r"));
    }
}

public sealed class AverageTaskTests() : UnaryTaskTests(new AverageTask())
{
    [Fact]
    public void Name_is_average() => Assert.Equal("average", Task.Name);

    [Fact]
    public void Seed_raspi_tasks_case_every_row_holds_the_mean_of_an_int_column()
    {
        var output = RunTable(Task, """{"operations": [{"a": "b", "column": "c"}]}""", Ab());
        Assert.Equal([11.25, 11.25, 11.25, 11.25], output.Doubles("c"));
    }

    [Fact]
    public void Seed_two_operations()
    {
        var output = RunTable(Task, """{"operations": [{"a": "x", "column": "xAvg"}, {"a": "y", "column": "yAvg"}]}""", Axy());
        Close([2.5, 2.5, 2.5, 2.5, 2.5], output.Doubles("xAvg"));
        Close([3.4, 3.4, 3.4, 3.4, 3.4], output.Doubles("yAvg"));
    }

    [Fact]
    public void Nan_makes_the_mean_nan_and_infinity_makes_it_infinite()
    {
        var nan = Table.Create(("v", Column.Of(1.0, double.NaN, 3)));
        Assert.All(RunTable(Task, """{"operations": [{"a": "v", "column": "r"}]}""", nan).Doubles("r"), r => Assert.True(double.IsNaN(r)));
        var inf = Table.Create(("v", Column.Of(1.0, double.PositiveInfinity, 3)));
        Assert.All(RunTable(Task, """{"operations": [{"a": "v", "column": "r"}]}""", inf).Doubles("r"), r => Assert.Equal(double.PositiveInfinity, r));
    }

    [Fact]
    public void More_than_256_rows_all_count()
    {
        var output = RunTable(Task, """{"operations": [{"a": "i", "column": "r"}]}""", Large(1000));
        Assert.All(output.Doubles("r"), r => Assert.Equal(499.5, r, 12));
    }
}

public sealed class DifferenceTaskTests() : UnaryTaskTests(new DifferenceTask())
{
    [Fact]
    public void Name_is_difference() => Assert.Equal("difference", Task.Name);

    [Fact]
    public void Default_period_is_one_with_nan_first()
    {
        var output = RunTable(Task, """{"operations": [{"a": "x", "column": "d"}]}""", Axy());
        Close([double.NaN, -3.5, 6.0, -4.0, 9.0], output.Doubles("d"));
    }

    [Fact]
    public void Periods_two_on_an_int_column()
    {
        var output = RunTable(Task, """{"operations": [{"a": "b", "column": "d", "periods": 2}]}""", Ab());
        Close([double.NaN, double.NaN, 11, -16], output.Doubles("d"));
    }

    [Fact]
    public void Negative_periods_are_an_error() =>
        PlanFails(Task, """{"operations": [{"a": "b", "column": "d", "periods": -2}]}""", Ab(), "operations[0].periods", "expected an integer >= 0, got -2");

    [Fact]
    public void Periods_zero_is_zero_except_for_nan()
    {
        var input = Table.Create(("v", Column.Of(1.0, double.NaN, double.PositiveInfinity)));
        var output = RunTable(Task, """{"operations": [{"a": "v", "column": "d", "periods": 0}]}""", input);
        Close([0, double.NaN, double.NaN], output.Doubles("d"));
    }

    [Fact]
    public void Periods_beyond_the_table_are_all_nan()
    {
        var output = RunTable(Task, """{"operations": [{"a": "b", "column": "d", "periods": 10}]}""", Ab());
        Assert.All(output.Doubles("d"), d => Assert.True(double.IsNaN(d)));
    }

    [Fact]
    public void Seed_stub_arguments_now_compute_a_difference()
    {
        // The seed's difference ignored everything; b is not an argument of difference and is ignored.
        var output = RunTable(Task, """{"operations": [{"a": "x", "b": "y", "column": "d"}]}""", Axy());
        Assert.Equal(4, output.ColumnCount);
    }

    [Fact]
    public void More_than_256_rows_are_all_computed()
    {
        var output = RunTable(Task, """{"operations": [{"a": "i", "column": "d", "periods": 3}]}""", Large(1000));
        Assert.All(output.Doubles("d").Skip(3), d => Assert.Equal(3, d));
    }

    [Fact]
    public void Periods_not_an_integer_is_an_error() =>
        PlanFails(Task, """{"operations": [{"a": "x", "column": "d", "periods": 1.5}]}""", Axy(), "operations[0].periods", "expected an integer >= 0, got 1.5");

    [Fact]
    public void Periods_of_wrong_type_is_an_error() =>
        PlanFails(Task, """{"operations": [{"a": "x", "column": "d", "periods": "one"}]}""", Axy(), "operations[0].periods", "expected a number, got the string \"one\"");
}
