using Rtl.Data;
using Rtl.Grains.Tasks.Internals;
using Xunit;

namespace Rtl.Tests.Tasks;

/// <summary>The shared kernels the tasks are built on.</summary>
public sealed class InternalsTests
{
    [Theory]
    [InlineData(2.0, "2.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1234567890123456.0, "1234567890123456.0")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(1019.3181762695312, "1019.3181762695312")]
    [InlineData(0.4999999999999992, "0.4999999999999992")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Python_repr_of_floats(double value, string expected) => Assert.Equal(expected, PrintedNumbers.Python(value));

    [Fact]
    public void Numpy_array_fixed_notation_pads_to_a_common_width() =>
        Assert.Equal("[  5.83333333 -33.          48.16666667   2.        ]",
            PrintedNumbers.NumpyArray([5.833333333333334, -32.99999999999997, 48.16666666666667, 2.000000000000078]));

    [Fact]
    public void Numpy_array_switches_to_scientific_for_far_apart_magnitudes()
    {
        Assert.Equal("[1.e-05 1.e+00]", PrintedNumbers.NumpyArray([1e-5, 1.0]));
        Assert.Equal("[1.5e+10 2.0e+00]", PrintedNumbers.NumpyArray([1.5e10, 2.0]));
    }

    [Fact]
    public void Numpy_array_of_integral_values_prints_trailing_points() =>
        Assert.Equal("[ 3. -2.  7.]", PrintedNumbers.NumpyArray([3, -2, 7]));

    [Fact]
    public void Linspace_matches_numpy_and_ends_exactly_at_stop()
    {
        Assert.Equal([0.0, 2.25, 4.5, 6.75, 9.0], Spaces.Linspace(0, 9, 5));
        Assert.Equal([3.0], Spaces.Linspace(3, 9, 1));
        Assert.Empty(Spaces.Linspace(0, 1, 0));
        Assert.Equal(0.3, Spaces.Linspace(0.1, 0.3, 3)[2]);
    }

    [Theory]
    [InlineData(-3.7, 1234.5, 1003)]
    [InlineData(0.001, 1, 1_000_000)]
    [InlineData(5, -5, 7)]
    public void Linspace_in_vectors_rounds_every_point_as_numpy_does(double start, double stop, int n)
    {
        var points = Spaces.Linspace(start, stop, n);
        var step = (stop - start) / (n - 1);
        for (var i = 0; i < n - 1; i++)
        {
            Assert.Equal((i * step) + start, points[i]); // arange(n) * step + start, then the last point is stop
        }

        Assert.Equal(stop, points[^1]);
    }

    [Fact]
    public void Radix_order_is_a_stable_sort_of_random_doubles_with_specials()
    {
        var random = new Random(7);
        double[] specials = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue];
        var values = Enumerable.Range(0, 20000)
            .Select(i => i % 10 == 0 ? specials[random.Next(specials.Length)] : Math.Round((random.NextDouble() - 0.5) * 1e6, random.Next(3)))
            .ToArray();
        var order = RadixSort.Order([Column.Of(values)], values.Length);
        var expected = Enumerable.Range(0, values.Length)
            .OrderBy(i => double.IsNaN(values[i]) ? 1 : 0)
            .ThenBy(i => values[i] == 0 ? 0 : values[i])
            .ToArray();
        Assert.Equal(expected, order);
    }

    [Fact]
    public void Radix_order_of_random_longs_matches_a_stable_sort()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 20000).Select(_ => random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(64)).ToArray();
        var expected = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        Assert.Equal(expected, RadixSort.Order([Column.Of(values)], values.Length));
    }

    [Fact]
    public void Select_and_refine_keep_rows_in_order()
    {
        double[] values = [5, 1, 7, double.NaN, 7, 2, 9, 7, 0];
        var rows = new int[values.Length];
        var count = Compaction.Select<Greater>(values, 4, rows);
        Assert.Equal([0, 2, 4, 6, 7], rows[..count]);
        count = Compaction.Refine<Equal>(values, 7, rows.AsSpan(0, count));
        Assert.Equal([2, 4, 7], rows[..count]);
    }

    [Fact]
    public void Polynomial_fit_matches_numpy_polyfit_on_noisy_data()
    {
        // numpy.polyfit([0, 1, 2, 3, 4], [1, 3, 2, 5, 4], 1) = [0.8, 1.4]
        var coefficients = LeastSquares.Polynomial([0, 1, 2, 3, 4], [1, 3, 2, 5, 4], 1);
        Assert.Equal(0.8, coefficients[0], 12);
        Assert.Equal(1.4, coefficients[1], 12);
    }

    [Fact]
    public void Polynomial_fit_with_repeated_x_is_minimum_norm()
    {
        // All x equal: only the best constant is determined; numpy's minimum-norm answer splits it across the
        // scaled columns, so it still predicts mean(y) at that x.
        var coefficients = LeastSquares.Polynomial([2, 2, 2], [1, 2, 6], 1);
        Assert.Equal(3, LeastSquares.Evaluate(coefficients, 2), 12);
    }

    [Fact]
    public void Sorted_doubles_match_array_sort_with_nan_moved_last()
    {
        var random = new Random(11);
        double[] specials = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, double.Epsilon, -double.Epsilon, double.MinValue];
        var values = Enumerable.Range(0, 5000).Select(i => i % 7 == 0 ? specials[random.Next(specials.Length)] : (random.NextDouble() - 0.5) * 1e9).ToArray();
        var expected = values.Where(v => !double.IsNaN(v)).Order().Concat(values.Where(double.IsNaN)).ToArray();
        Assert.Equal(expected, RadixSort.SortedDoubles(values));
    }

    [Fact]
    public void Sorted_doubles_keep_the_sign_of_negative_zero()
    {
        var sorted = RadixSort.SortedDoubles([0.0, -0.0, -1]);
        Assert.Equal(-1, sorted[0]);
        Assert.True(double.IsNegative(sorted[1]) && sorted[1] == 0);
        Assert.False(double.IsNegative(sorted[2]));
    }
}
