using Rtl.Grains.Tasks;
using Xunit;
using static Rtl.Tests.Tasks.TaskHarness;

namespace Rtl.Tests.Tasks;

public sealed class MultiplyTaskTests() : BinaryArithmeticTests(new MultiplyTask(), (a, b) => a * b)
{
    [Fact]
    public void Name_is_multiply() => Assert.Equal("multiply", Task.Name);

    [Fact]
    public void Seed_column_times_column()
    {
        var output = RunTable(Task, """{"operations": [{"a": "x", "b": "y", "column": "r1"}]}""", Axy());
        Assert.Equal([3.0, -8.0, 32.0, 0.0, 27.0], output.Doubles("r1"));
    }

    [Fact]
    public void Seed_constant_then_chained_column()
    {
        var output = RunTable(Task, """{"operations": [{"a": "a", "b": 2, "column": "r1"}, {"a": "r1", "b": "x", "column": "r2"}]}""", Axy());
        Assert.Equal([0.0, 2.0, 4.0, 6.0, 8.0], output.Doubles("r1"));
        Assert.Equal([0.0, -4.0, 16.0, 0.0, 72.0], output.Doubles("r2"));
    }

    [Fact]
    public void Zero_times_inf_is_nan()
    {
        var input = Rtl.Data.Table.Create(("z", Rtl.Data.Column.Of(0.0, -2)), ("inf", Rtl.Data.Column.Of(double.PositiveInfinity, double.PositiveInfinity)));
        var output = RunTable(Task, """{"operations": [{"a": "z", "b": "inf", "column": "r"}]}""", input);
        Assert.True(double.IsNaN(output.Doubles("r")[0]));
        Assert.Equal(double.NegativeInfinity, output.Doubles("r")[1]);
    }
}
