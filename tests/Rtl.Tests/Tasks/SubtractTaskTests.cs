using Rtl.Grains.Tasks;
using Xunit;
using static Rtl.Tests.Tasks.TaskHarness;

namespace Rtl.Tests.Tasks;

public sealed class SubtractTaskTests() : BinaryArithmeticTests(new SubtractTask(), (a, b) => a - b)
{
    [Fact]
    public void Name_is_subtract() => Assert.Equal("subtract", Task.Name);

    [Fact]
    public void Seed_column_minus_column()
    {
        var output = RunTable(Task, """{"operations": [{"a": "x", "b": "y", "column": "r1"}]}""", Axy());
        Assert.Equal([-0.5, -6.0, -4.0, 0.0, 6.0], output.Doubles("r1"));
    }

    [Fact]
    public void Seed_constant_then_chained_column_subtracts_b_from_a()
    {
        var output = RunTable(Task, """{"operations": [{"a": "a", "b": 2, "column": "r1"}, {"a": "r1", "b": "x", "column": "r2"}]}""", Axy());
        Assert.Equal([-2.0, -1.0, 0.0, 1.0, 2.0], output.Doubles("r1"));
        Assert.Equal([-3.5, 1.0, -4.0, 1.0, -7.0], output.Doubles("r2"));
    }
}
