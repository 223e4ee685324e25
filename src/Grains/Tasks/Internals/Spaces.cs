using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Rtl.Data;
using Rtl.Numerics;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks.Internals;

/// <summary>numpy's linspace and logspace, and the seed's <c>getLSpace</c> choice between them.</summary>
internal static class Spaces
{
    /// <summary><c>np.linspace(start, stop, n)</c>: <c>start + i·step</c>, the last point exactly <c>stop</c>.</summary>
    public static double[] Linspace(double start, double stop, int n)
    {
        var result = ColumnMemory.Allocate<double>(n);
        if (n == 0)
        {
            return result;
        }

        var delta = stop - start;
        var div = n - 1;
        var step = div > 0 ? delta / div : double.NaN;
        if (div > 0 && step != 0)
        {
            Steps(result, start, step, VectorWidths.Chosen);
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                // numpy falls back to i/div·delta when the step underflows to 0.
                result[i] = (div == 0 ? i * delta : i / (double)div * delta) + start;
            }
        }

        if (n > 1)
        {
            result[^1] = stop;
        }

        return result;
    }

    /// <summary><c>result[i] = i·step + start</c>, a vector of rows at a time (a multiply, then an add: numpy's rounding).</summary>
    internal static void Steps(Span<double> result, double start, double step, VectorWidth width)
    {
        ref var r = ref MemoryMarshal.GetReference(result);
        var i = 0;
        if (width == VectorWidth.Bits256)
        {
            var index = Vector256.Create(0.0, 1, 2, 3);
            var lanes = Vector256.Create((double)Vector256<double>.Count);
            for (; i <= result.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                ((index * step) + Vector256.Create(start)).StoreUnsafe(ref r, (nuint)i);
                index += lanes;
            }
        }
        else if (width == VectorWidth.Bits128)
        {
            var index = Vector128.Create(0.0, 1);
            var lanes = Vector128.Create((double)Vector128<double>.Count);
            for (; i <= result.Length - Vector128<double>.Count; i += Vector128<double>.Count)
            {
                ((index * step) + Vector128.Create(start)).StoreUnsafe(ref r, (nuint)i);
                index += lanes;
            }
        }

        for (; i < result.Length; i++)
        {
            result[i] = (i * step) + start;
        }
    }

    /// <summary><c>np.logspace(start, stop, n)</c> = <c>10 ** linspace(start, stop, n)</c>.</summary>
    public static double[] Logspace(double start, double stop, int n)
    {
        var exponents = Linspace(start, stop, n);
        TensorPrimitives.Pow(10.0, exponents, exponents);
        return exponents;
    }

    /// <summary>What <see cref="Of"/> allocates for <paramref name="rows"/> values.</summary>
    public static TaskCost SpaceCost(this TaskCost cost, string argument, string space, long rows) =>
        IsLinear(space) || IsLog(space)
            ? cost.Plus(argument, rows, "rows", sizeof(double), $"of {space.ToLowerInvariant()} points")
            : cost.SortedDoublesCost(argument, rows);

    private static bool IsLinear(string space) => string.Equals(space, "linear", StringComparison.OrdinalIgnoreCase);

    private static bool IsLog(string space) => string.Equals(space, "log", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The seed's space over <paramref name="values"/>: <c>linear</c> → linspace(0, max, n); <c>log</c> →
    /// logspace(0.001, 1, n), independent of the data; any other word → the values sorted ascending (NaN last).
    /// </summary>
    public static double[] Of(string space, ReadOnlySpan<double> values)
    {
        if (IsLinear(space))
        {
            return Linspace(0, Doubles.Max(values), values.Length);
        }

        if (IsLog(space))
        {
            return Logspace(0.001, 1, values.Length);
        }

        return RadixSort.SortedDoubles(values);
    }
}
