using Rtl.Grains.Tasks.Internals;
using Rtl.Numerics;
using Xunit;

namespace Rtl.Tests.Tasks;

/// <summary>
/// Every hand-written vector path, run at every width on whatever CPU runs the tests, so the 128-bit path a
/// Pi takes (NEON) is checked on x64 too; each width must give exactly what the scalar definition gives.
/// </summary>
public sealed class VectorWidthTests
{
    public static TheoryData<VectorWidth> Widths => [VectorWidth.Scalar, VectorWidth.Bits128, VectorWidth.Bits256];

    private static readonly double[] Specials = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 50.0];

    /// <summary>Values around 50 with NaN, ±inf, ±0 and 50 itself mixed in.</summary>
    private static double[] Values(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n)
            .Select(_ => random.Next(5) == 0 ? Specials[random.Next(Specials.Length)] : Math.Round(random.NextDouble() * 100))
            .ToArray();
    }

    private static int[] Expected(double[] values, Func<double, bool> keep) =>
        Enumerable.Range(0, values.Length).Where(i => keep(values[i])).ToArray();

    private static int[] Selected<TComparison>(double[] values, VectorWidth width)
        where TComparison : IComparison
    {
        var rows = new int[values.Length];
        var count = Compaction.Select<TComparison>(values, 50.0, rows, width);
        return rows[..count];
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_comparison_selects_the_rows_the_scalar_definition_does(VectorWidth width)
    {
        foreach (var n in new[] { 0, 1, 2, 3, 5, 8, 1001, 4096 })
        {
            var values = Values(n, seed: n);
            Assert.Equal(Expected(values, x => x == 50), Selected<Equal>(values, width));
            Assert.Equal(Expected(values, x => x != 50), Selected<NotEqual>(values, width));
            Assert.Equal(Expected(values, x => x < 50), Selected<Less>(values, width));
            Assert.Equal(Expected(values, x => x <= 50), Selected<LessOrEqual>(values, width));
            Assert.Equal(Expected(values, x => x > 50), Selected<Greater>(values, width));
            Assert.Equal(Expected(values, x => x >= 50), Selected<GreaterOrEqual>(values, width));
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Selection_keeps_every_row_or_none_at_each_width(VectorWidth width)
    {
        var values = Enumerable.Range(0, 1003).Select(i => (double)i).ToArray();
        Assert.Equal(Enumerable.Range(0, 1003), Selected<GreaterOrEqual>(values.Select(v => v + 50).ToArray(), width));
        Assert.Empty(Selected<Greater>(values.Select(_ => double.NaN).ToArray(), width));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Steps_round_each_point_as_a_multiply_then_an_add(VectorWidth width)
    {
        foreach (var (start, step, n) in new[] { (-3.7, 1.2345, 1003), (0.001, 1e-6, 4096), (5.0, -10.0 / 6, 7), (0.1, 0.1, 1) })
        {
            var points = new double[n];
            Spaces.Steps(points, start, step, width);
            Assert.Equal(Enumerable.Range(0, n).Select(i => (i * step) + start), points);
        }
    }

    [Theory]
    [InlineData("scalar", VectorWidth.Scalar)]
    [InlineData(" 128 ", VectorWidth.Bits128)]
    [InlineData("256", VectorWidth.Bits256)]
    [InlineData("SCALAR", VectorWidth.Scalar)]
    public void The_forcing_variable_names_a_width(string text, VectorWidth expected) =>
        Assert.Equal(expected, VectorWidths.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("512")]
    [InlineData("neon")]
    public void Anything_else_leaves_the_widest(string? text) => Assert.Null(VectorWidths.Parse(text));

    [Fact]
    public void The_widest_accelerated_width_is_chosen_unless_one_is_forced() =>
        Assert.Equal(VectorWidths.Parse(Environment.GetEnvironmentVariable(VectorWidths.Variable)) ?? VectorWidths.Widest, VectorWidths.Chosen);
}
