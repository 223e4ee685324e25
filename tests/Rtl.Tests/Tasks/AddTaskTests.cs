using Rtl.Grains.Tasks;
using Xunit;
using static Rtl.Tests.Tasks.TaskHarness;

namespace Rtl.Tests.Tasks;

public sealed class AddTaskTests() : BinaryArithmeticTests(new AddTask(), (a, b) => a + b)
{
    [Fact]
    public void Name_is_add() => Assert.Equal("add", Task.Name);

    [Fact]
    public void Seed_column_plus_column()
    {
        var output = RunTable(Task, """{"operations": [{"a": "x", "b": "y", "column": "r1"}]}""", Axy());
        Assert.Equal([3.5, 2.0, 12.0, 0.0, 12.0], output.Doubles("r1"));
    }

    [Fact]
    public void Seed_constant_then_chained_column()
    {
        var output = RunTable(Task, """{"operations": [{"a": "a", "b": 2, "column": "r1"}, {"a": "r1", "b": "x", "column": "r2"}]}""", Axy());
        Assert.Equal([2.0, 3.0, 4.0, 5.0, 6.0], output.Doubles("r1"));
        Assert.Equal([3.5, 1.0, 8.0, 5.0, 15.0], output.Doubles("r2"));
    }

    [Fact]
    public void Inf_plus_minus_inf_is_nan()
    {
        var input = Rtl.Data.Table.Create(("p", Rtl.Data.Column.Of(double.PositiveInfinity)), ("q", Rtl.Data.Column.Of(double.NegativeInfinity)));
        Assert.True(double.IsNaN(RunTable(Task, """{"operations": [{"a": "p", "b": "q", "column": "r"}]}""", input).Doubles("r")[0]));
    }
}
