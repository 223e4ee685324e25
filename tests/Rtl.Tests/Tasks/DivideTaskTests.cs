using Rtl.Data;
using Rtl.Grains.Tasks;
using Xunit;
using static Rtl.Tests.Tasks.TaskHarness;

namespace Rtl.Tests.Tasks;

public sealed class DivideTaskTests() : BinaryArithmeticTests(new DivideTask(), (a, b) => a / b)
{
    [Fact]
    public void Name_is_divide() => Assert.Equal("divide", Task.Name);

    [Fact]
    public void Seed_column_over_column_with_zero_over_zero_nan()
    {
        var output = RunTable(Task, """{"operations": [{"a": "x", "b": "y", "column": "r1"}]}""", Axy());
        Close([0.75, -0.5, 0.5, double.NaN, 3.0], output.Doubles("r1"));
    }

    [Fact]
    public void Seed_constant_then_chained_column_with_division_by_zero_inf()
    {
        var output = RunTable(Task, """{"operations": [{"a": "a", "b": 2, "column": "r1"}, {"a": "r1", "b": "x", "column": "r2"}]}""", Axy());
        Assert.Equal([0.0, 0.5, 1.0, 1.5, 2.0], output.Doubles("r1"));
        Close([0.0, -0.25, 0.25, double.PositiveInfinity, 0.2222222222222222], output.Doubles("r2"));
    }

    [Fact]
    public void Division_by_number_zero_gives_signed_infinities_and_nan()
    {
        var input = Table.Create(("v", Column.Of(3L, -3, 0)));
        var output = RunTable(Task, """{"operations": [{"a": "v", "b": 0, "column": "r"}]}""", input);
        Close([double.PositiveInfinity, double.NegativeInfinity, double.NaN], output.Doubles("r"));
    }
}
