using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rtl.Numerics;

/// <summary>
/// numpy's float64 <c>sum</c>, bit for bit, and the same on every CPU. A vectorised sum whose order follows
/// the vector width (as TensorPrimitives.Sum's does) gives a Pi other last digits than a laptop; numpy's
/// order is fixed: 8192-value buffers added in turn, each a pairwise sum whose leaves of up to 128 values keep
/// eight running sums. Those eight sums are the lanes of two 256-bit or four 128-bit vectors, so every width
/// adds exactly the same numbers in the same order.
/// </summary>
public static class NumpySum
{
    // numpy's ufunc buffer (NPY_BUFSIZE): a reduction over a long array is a sequence of sums this long.
    private const int Buffer = 8192;

    // numpy's PW_BLOCKSIZE: below it, eight running sums; above it, halves on multiples of eight.
    private const int Leaf = 128;

    private const int Sums = 8;

    public static double Sum(ReadOnlySpan<double> values) => Sum(values, VectorWidths.Chosen);

    public static double Sum(ReadOnlySpan<double> values, VectorWidth width)
    {
        var total = 0.0;
        for (var start = 0; start < values.Length; start += Buffer)
        {
            total += Pairwise(values.Slice(start, Math.Min(Buffer, values.Length - start)), width);
        }

        return total;
    }

    private static double Pairwise(ReadOnlySpan<double> values, VectorWidth width)
    {
        if (values.Length < Sums)
        {
            var sum = 0.0;
            foreach (var value in values)
            {
                sum += value;
            }

            return sum;
        }

        if (values.Length <= Leaf)
        {
            return LeafSum(values, width);
        }

        var half = values.Length / 2;
        half -= half % Sums;
        return Pairwise(values[..half], width) + Pairwise(values[half..], width);
    }

    /// <summary>Eight running sums over whole groups of eight, combined as a tree, then the rest one by one.</summary>
    private static double LeafSum(ReadOnlySpan<double> values, VectorWidth width)
    {
        Span<double> sums = stackalloc double[Sums];
        var whole = values.Length - (values.Length % Sums);
        ref var x = ref MemoryMarshal.GetReference(values);
        if (width == VectorWidth.Bits256)
        {
            var low = Vector256.LoadUnsafe(ref x);
            var high = Vector256.LoadUnsafe(ref x, 4);
            for (var i = Sums; i < whole; i += Sums)
            {
                low += Vector256.LoadUnsafe(ref x, (nuint)i);
                high += Vector256.LoadUnsafe(ref x, (nuint)i + 4);
            }

            low.CopyTo(sums);
            high.CopyTo(sums[4..]);
        }
        else if (width == VectorWidth.Bits128)
        {
            var s01 = Vector128.LoadUnsafe(ref x);
            var s23 = Vector128.LoadUnsafe(ref x, 2);
            var s45 = Vector128.LoadUnsafe(ref x, 4);
            var s67 = Vector128.LoadUnsafe(ref x, 6);
            for (var i = Sums; i < whole; i += Sums)
            {
                s01 += Vector128.LoadUnsafe(ref x, (nuint)i);
                s23 += Vector128.LoadUnsafe(ref x, (nuint)i + 2);
                s45 += Vector128.LoadUnsafe(ref x, (nuint)i + 4);
                s67 += Vector128.LoadUnsafe(ref x, (nuint)i + 6);
            }

            s01.CopyTo(sums);
            s23.CopyTo(sums[2..]);
            s45.CopyTo(sums[4..]);
            s67.CopyTo(sums[6..]);
        }
        else
        {
            values[..Sums].CopyTo(sums);
            for (var i = Sums; i < whole; i += Sums)
            {
                for (var j = 0; j < Sums; j++)
                {
                    sums[j] += Unsafe.Add(ref x, i + j);
                }
            }
        }

        var result = ((sums[0] + sums[1]) + (sums[2] + sums[3])) + ((sums[4] + sums[5]) + (sums[6] + sums[7]));
        for (var i = whole; i < values.Length; i++)
        {
            result += values[i];
        }

        return result;
    }
}
