using Rtl.Data;
using Rtl.Grains.Tasks;
using Xunit;
using static Rtl.Tests.Tasks.TaskHarness;

namespace Rtl.Tests.Tasks;

public sealed class PowerTaskTests() : BinaryArithmeticTests(new PowerTask(), Math.Pow)
{
    [Fact]
    public void Name_is_power() => Assert.Equal("power", Task.Name);

    [Fact]
    public void Seed_column_to_the_column()
    {
        var output = RunTable(Task, """{"operations": [{"a": "x", "b": "y", "column": "r1"}]}""", Axy());
        Close([2.25, 16.0, 65536.0, 1.0, 729.0], output.Doubles("r1"));
    }

    [Fact]
    public void Seed_constant_then_chained_column()
    {
        var output = RunTable(Task, """{"operations": [{"a": "a", "b": 2, "column": "r1"}, {"a": "r1", "b": "x", "column": "r2"}]}""", Axy());
        Assert.Equal([0.0, 1.0, 4.0, 9.0, 16.0], output.Doubles("r1"));
        Close([0.0, 1.0, 256.0, 1.0, 68719476736.0], output.Doubles("r2"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    [InlineData(0.5)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-0.5)]
    public void Scalar_exponents_match_pow(double exponent)
    {
        double[] values = [0, -0.0, 1, -1, 2.5, -2.5, 1e-300, 1e300, double.PositiveInfinity, double.NaN];
        var input = Table.Create(("v", Column.Of(values)));
        var output = RunTable(Task, $$"""{"operations": [{"a": "v", "b": {{exponent}}, "column": "r"}]}""", input);
        var expected = values.Select(v => exponent == 0.5 ? Math.Sqrt(v) : Math.Pow(v, exponent)).ToArray();
        Close(expected, output.Doubles("r"));
    }

    [Fact]
    public void Negative_base_to_fractional_power_is_nan()
    {
        var input = Table.Create(("v", Column.Of(-8.0)), ("e", Column.Of(1.0 / 3)));
        Assert.True(double.IsNaN(RunTable(Task, """{"operations": [{"a": "v", "b": "e", "column": "r"}]}""", input).Doubles("r")[0]));
    }
}
