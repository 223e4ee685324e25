using Rtl.Data;
using Rtl.Tasks;
using Xunit;
using static Rtl.Tests.Tasks.TaskHarness;

namespace Rtl.Tests.Tasks;

/// <summary>What add, subtract, multiply, divide and power share: arguments, chaining, types, errors.</summary>
public abstract class BinaryArithmeticTests(IRtlTask task, Func<double, double, double> expected)
{
    protected IRtlTask Task { get; } = task;

    private double[] Expected(double[] a, double[] b) => a.Select((v, i) => expected(v, b[i])).ToArray();

    [Fact]
    public void Column_with_column_writes_a_new_f8_column()
    {
        var output = RunTable(Task, """{"operations": [{"a": "x", "b": "y", "column": "r"}]}""", Axy());
        Assert.Equal("[('a', '<i8'), ('x', '<f8'), ('y', '<f8'), ('r', '<f8')]", output.Schema.ToString());
        Close(Expected(Axy().Doubles("x"), Axy().Doubles("y")), output.Doubles("r"));
    }

    [Fact]
    public void Number_b_applies_to_every_row_and_int_a_reads_as_double()
    {
        var output = RunTable(Task, """{"operations": [{"a": "a", "b": 2.5, "column": "r"}]}""", Axy());
        Close(Expected([0, 1, 2, 3, 4], [2.5, 2.5, 2.5, 2.5, 2.5]), output.Doubles("r"));
    }

    [Fact]
    public void Int_b_column_reads_as_double()
    {
        var output = RunTable(Task, """{"operations": [{"a": "x", "b": "a", "column": "r"}]}""", Axy());
        Close(Expected(Axy().Doubles("x"), [0, 1, 2, 3, 4]), output.Doubles("r"));
    }

    [Fact]
    public void Later_operation_reads_the_column_an_earlier_one_wrote()
    {
        var output = RunTable(Task, """
            {"operations": [{"a": "a", "b": 2, "column": "r1"}, {"a": "r1", "b": "x", "column": "r2"}]}
            """, Axy());
        var r1 = Expected([0, 1, 2, 3, 4], [2, 2, 2, 2, 2]);
        Close(r1, output.Doubles("r1"));
        Close(Expected(r1, Axy().Doubles("x")), output.Doubles("r2"));
        Assert.Equal(["a", "x", "y", "r1", "r2"], output.Names.ToArray());
    }

    [Fact]
    public void Existing_column_is_replaced_in_place_and_others_are_shared()
    {
        var input = Axy();
        var output = RunTable(Task, """{"operations": [{"a": "x", "b": 3, "column": "a"}]}""", input);
        Assert.Equal(["a", "x", "y"], output.Names.ToArray());
        Assert.Equal(DType.F8, output["a"].Type);
        Close(Expected(input.Doubles("x"), [3, 3, 3, 3, 3]), output.Doubles("a"));
        Assert.Same(input["x"], output["x"]);
        Assert.Same(input["y"], output["y"]);
    }

    [Fact]
    public void Nan_and_infinities_follow_ieee()
    {
        double[] a = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0, -0.0, 2];
        double[] b = [1, 2, double.PositiveInfinity, 0, double.NegativeInfinity, double.NaN];
        var input = Table.Create(("a", Column.Of(a)), ("b", Column.Of(b)));
        var output = RunTable(Task, """{"operations": [{"a": "a", "b": "b", "column": "r"}]}""", input);
        Close(Expected(a, b), output.Doubles("r"));
    }

    [Theory]
    [InlineData("1e999")]
    [InlineData("-1e400")]
    public void A_b_past_a_doubles_range_is_an_error_not_an_infinity(string number) =>
        PlanFails(Task, $$"""{"operations": [{"a": "x", "b": {{number}}, "column": "r"}]}""", Axy(), "operations[0].b",
            $"the number {number} is out of range of a double (at most ±1.7976931348623157e308); write \"inf\" or \"-inf\" for an infinity");

    [Fact]
    public void String_b_is_always_a_column_name_even_inf()
    {
        var args = TaskArgs.Parse("""{"operations": [{"a": "x", "b": "inf", "column": "r"}]}""");
        var error = Assert.Throws<TaskArgumentException>(() => Task.Plan(args, Axy().Schema, TestEnvironment.Instance));
        Assert.Equal("column 'inf' not found (columns: a, x, y)", error.Message);
    }

    [Fact]
    public void Empty_table_gives_an_empty_column()
    {
        var output = RunTable(Task, """{"operations": [{"a": "a", "b": "x", "column": "r"}]}""", Empty());
        Assert.Equal(0, output.RowCount);
        Assert.Equal(DType.F8, output["r"].Type);
    }

    [Fact]
    public void More_than_256_rows_are_all_computed()
    {
        var input = Large(1000);
        var output = RunTable(Task, """{"operations": [{"a": "x", "b": "i", "column": "r"}]}""", input);
        Close(Expected(input.Doubles("x"), input.Doubles("i")), output.Doubles("r"));
    }

    [Fact]
    public void Empty_operations_list_returns_the_table()
    {
        var input = Axy();
        Assert.Same(input, RunTable(Task, """{"operations": []}""", input));
    }

    [Fact]
    public void Missing_operations_is_an_error() =>
        PlanFails(Task, "{}", Axy(), "operations", "required argument is missing");

    [Fact]
    public void Operations_not_a_list_is_an_error() =>
        PlanFails(Task, """{"operations": {"a": "x"}}""", Axy(), "operations", "expected a list of objects, got an object");

    [Fact]
    public void Missing_a_is_an_error() =>
        PlanFails(Task, """{"operations": [{"b": 1, "column": "r"}]}""", Axy(), "operations[0].a", "required argument is missing");

    [Fact]
    public void Unknown_a_column_lists_the_columns() =>
        PlanFails(Task, """{"operations": [{"a": "foo", "b": 1, "column": "r"}]}""", Axy(),
            "operations[0].a", "column 'foo' not found (columns: a, x, y)");

    [Fact]
    public void Unknown_b_column_names_the_second_operation() =>
        PlanFails(Task, """{"operations": [{"a": "x", "b": 1, "column": "r"}, {"a": "r", "b": "nope", "column": "s"}]}""", Axy(),
            "operations[1].b", "column 'nope' not found (columns: a, x, y, r)");

    [Fact]
    public void B_of_wrong_type_is_an_error() =>
        PlanFails(Task, """{"operations": [{"a": "x", "b": true, "column": "r"}]}""", Axy(),
            "operations[0].b", "expected a column name or a number, got true");

    [Fact]
    public void A_of_wrong_type_is_an_error() =>
        PlanFails(Task, """{"operations": [{"a": 3, "b": 1, "column": "r"}]}""", Axy(),
            "operations[0].a", "expected a string, got the number 3");

    [Fact]
    public void Missing_column_is_an_error() =>
        PlanFails(Task, """{"operations": [{"a": "x", "b": 1}]}""", Axy(), "operations[0].column", "required argument is missing");

    [Fact]
    public void Empty_column_name_is_an_error() =>
        PlanFails(Task, """{"operations": [{"a": "x", "b": 1, "column": ""}]}""", Axy(),
            "operations[0].column", "expected a non-empty column name");

    [Fact]
    public void Operation_reading_a_column_written_later_is_an_error() =>
        PlanFails(Task, """{"operations": [{"a": "r2", "b": 1, "column": "r1"}, {"a": "x", "b": 1, "column": "r2"}]}""", Axy(),
            "operations[0].a", "column 'r2' not found (columns: a, x, y)");
}
