using Rtl.Numerics;
using Xunit;

namespace Rtl.Tests.Tasks;

/// <summary>
/// The sum behind every mean is numpy's, to the last bit, at every vector width: the expected values are
/// <c>float(np.sum(x))</c> from numpy 1.24 for <c>x = ((i*7919) % 10007) / 7.0 - 700 + 1e-9*i</c>.
/// </summary>
public sealed class NumpySumTests
{
    public static TheoryData<VectorWidth> Widths => [VectorWidth.Scalar, VectorWidth.Bits128, VectorWidth.Bits256];

    private static readonly (int Rows, double Sum)[] FromNumpy =
    [
        (1, -700.0),
        (7, 272.5714285924284),
        (8, 343.7142857422854),
        (100, 1711.5714335214282),
        (129, 1697.2857225417142),
        (8192, 121310.60497890743),
        (8193, 121621.17641567087),
        (100003, 1471739.2859642885),
        (1000000, 14715815.428071434),
    ];

    private static double[] Values(int n) =>
        Enumerable.Range(0, n).Select(i => (((long)i * 7919 % 10007) / 7.0) - 700 + (1e-9 * i)).ToArray();

    [Theory]
    [MemberData(nameof(Widths))]
    public void The_sum_is_numpys_bit_for_bit(VectorWidth width)
    {
        foreach (var (rows, sum) in FromNumpy)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(sum), BitConverter.DoubleToInt64Bits(NumpySum.Sum(Values(rows), width)));
        }
    }

    [Fact]
    public void A_plain_running_sum_would_not_be()
    {
        // Guards the test above: on these values the order matters, so matching numpy means following its order.
        var values = Values(100003);
        var running = 0.0;
        foreach (var value in values)
        {
            running += value;
        }

        Assert.NotEqual(1471739.2859642885, running);
    }

    [Fact]
    public void The_mean_is_numpys_mean()
    {
        Assert.Equal(14.716951351102352, Doubles.Mean(Values(100003)));
        Assert.Equal(13.157253663114064, Doubles.Mean(Values(129)));
        Assert.True(double.IsNaN(Doubles.Mean([])));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Nan_and_infinities_propagate_as_in_numpy(VectorWidth width)
    {
        var values = Values(1000);
        values[517] = double.NaN;
        Assert.True(double.IsNaN(NumpySum.Sum(values, width)));
        values[517] = double.PositiveInfinity;
        Assert.Equal(double.PositiveInfinity, NumpySum.Sum(values, width));
        values[3] = double.NegativeInfinity;
        Assert.True(double.IsNaN(NumpySum.Sum(values, width)));
        Assert.Equal(0.0, NumpySum.Sum([-0.0], width)); // np.sum([-0.0]) is 0.0: numpy starts from +0
        Assert.False(double.IsNegative(NumpySum.Sum([-0.0], width)));
    }
}
