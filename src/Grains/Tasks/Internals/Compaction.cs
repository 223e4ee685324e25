using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Rtl.Numerics;

namespace Rtl.Grains.Tasks.Internals;

/// <summary>A comparison <c>x ∘ value</c>, scalar, two and four lanes at a time; NaN compares like IEEE (only ne is true).</summary>
internal interface IComparison
{
    static abstract bool Test(double x, double value);

    static abstract Vector128<double> Test(Vector128<double> x, Vector128<double> value);

    static abstract Vector256<double> Test(Vector256<double> x, Vector256<double> value);
}

internal readonly struct Equal : IComparison
{
    public static bool Test(double x, double value) => x == value;

    public static Vector128<double> Test(Vector128<double> x, Vector128<double> value) => Vector128.Equals(x, value);

    public static Vector256<double> Test(Vector256<double> x, Vector256<double> value) => Vector256.Equals(x, value);
}

internal readonly struct NotEqual : IComparison
{
    public static bool Test(double x, double value) => x != value;

    public static Vector128<double> Test(Vector128<double> x, Vector128<double> value) => ~Vector128.Equals(x, value);

    public static Vector256<double> Test(Vector256<double> x, Vector256<double> value) => ~Vector256.Equals(x, value);
}

internal readonly struct Less : IComparison
{
    public static bool Test(double x, double value) => x < value;

    public static Vector128<double> Test(Vector128<double> x, Vector128<double> value) => Vector128.LessThan(x, value);

    public static Vector256<double> Test(Vector256<double> x, Vector256<double> value) => Vector256.LessThan(x, value);
}

internal readonly struct LessOrEqual : IComparison
{
    public static bool Test(double x, double value) => x <= value;

    public static Vector128<double> Test(Vector128<double> x, Vector128<double> value) => Vector128.LessThanOrEqual(x, value);

    public static Vector256<double> Test(Vector256<double> x, Vector256<double> value) => Vector256.LessThanOrEqual(x, value);
}

internal readonly struct Greater : IComparison
{
    public static bool Test(double x, double value) => x > value;

    public static Vector128<double> Test(Vector128<double> x, Vector128<double> value) => Vector128.GreaterThan(x, value);

    public static Vector256<double> Test(Vector256<double> x, Vector256<double> value) => Vector256.GreaterThan(x, value);
}

internal readonly struct GreaterOrEqual : IComparison
{
    public static bool Test(double x, double value) => x >= value;

    public static Vector128<double> Test(Vector128<double> x, Vector128<double> value) => Vector128.GreaterThanOrEqual(x, value);

    public static Vector256<double> Test(Vector256<double> x, Vector256<double> value) => Vector256.GreaterThanOrEqual(x, value);
}

/// <summary>Branch-free row selection: every index is written, the count only advances past kept ones.</summary>
internal static class Compaction
{
    /// <summary>Writes the indices of rows where <c>values[i] ∘ value</c> into <paramref name="rows"/>; returns how many.</summary>
    public static int Select<TComparison>(ReadOnlySpan<double> values, double value, Span<int> rows)
        where TComparison : IComparison =>
        Select<TComparison>(values, value, rows, VectorWidths.Chosen);

    /// <summary><see cref="Select{TComparison}(ReadOnlySpan{double}, double, Span{int})"/> with a given width (every width gives the same rows).</summary>
    public static int Select<TComparison>(ReadOnlySpan<double> values, double value, Span<int> rows, VectorWidth width)
        where TComparison : IComparison
    {
        if (rows.Length < values.Length)
        {
            throw new ArgumentException("rows must be as long as values", nameof(rows));
        }

        ref var x = ref MemoryMarshal.GetReference(values);
        ref var r = ref MemoryMarshal.GetReference(rows);
        var count = 0;
        var i = 0;

        // count <= i always, so writing at count never passes the end of rows.
        if (width == VectorWidth.Bits256)
        {
            var comparand = Vector256.Create(value);
            for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var mask = TComparison.Test(Vector256.LoadUnsafe(ref x, (nuint)i), comparand).ExtractMostSignificantBits();
                Unsafe.Add(ref r, count) = i;
                count += (int)(mask & 1);
                Unsafe.Add(ref r, count) = i + 1;
                count += (int)((mask >> 1) & 1);
                Unsafe.Add(ref r, count) = i + 2;
                count += (int)((mask >> 2) & 1);
                Unsafe.Add(ref r, count) = i + 3;
                count += (int)(mask >> 3);
            }
        }
        else if (width == VectorWidth.Bits128)
        {
            var comparand = Vector128.Create(value);
            for (; i <= values.Length - Vector128<double>.Count; i += Vector128<double>.Count)
            {
                var mask = TComparison.Test(Vector128.LoadUnsafe(ref x, (nuint)i), comparand).ExtractMostSignificantBits();
                Unsafe.Add(ref r, count) = i;
                count += (int)(mask & 1);
                Unsafe.Add(ref r, count) = i + 1;
                count += (int)(mask >> 1);
            }
        }

        for (; i < values.Length; i++)
        {
            Unsafe.Add(ref r, count) = i;
            count += TComparison.Test(Unsafe.Add(ref x, i), value) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Keeps, in place and in order, the rows of <paramref name="rows"/> where <c>values[row] ∘ value</c>; returns how many.</summary>
    public static int Refine<TComparison>(ReadOnlySpan<double> values, double value, Span<int> rows)
        where TComparison : IComparison
    {
        var count = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            rows[count] = row;
            count += TComparison.Test(values[row], value) ? 1 : 0;
        }

        return count;
    }
}
