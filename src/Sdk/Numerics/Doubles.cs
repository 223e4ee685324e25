using System.Numerics.Tensors;
using Rtl.Data;

namespace Rtl.Numerics;

/// <summary>Columns read as doubles (numpy's float64 promotion) into buffers the task owns.</summary>
public static class Doubles
{
    // Rows per block when a column is read piecewise: small enough to stay in cache.
    private const int Block = 16_384;

    /// <summary>The block buffer <see cref="Combine"/> allocates for a column it reads piecewise.</summary>
    public const long BlockBytes = Block * sizeof(double);

    /// <summary>An element-wise <c>destination = x ∘ y</c>.</summary>
    public delegate void Binary(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination);

    /// <summary>
    /// <c>destination = x ∘ y</c> with <paramref name="y"/> read as doubles: straight from its memory when it
    /// is a materialised <c>&lt;f8</c> column, else block by block, so a selected or narrower column is never
    /// copied whole. <paramref name="x"/> may be <paramref name="destination"/> itself.
    /// </summary>
    public static void Combine(ReadOnlySpan<double> x, Column y, Span<double> destination, Binary combine)
    {
        if (y is Column<double> direct && direct.IsMaterialized)
        {
            combine(x, direct.Span, destination);
            return;
        }

        Span<double> scratch = new double[Math.Min(Block, Math.Max(1, y.Length))];
        for (var start = 0; start < y.Length; start += scratch.Length)
        {
            var part = scratch[..Math.Min(scratch.Length, y.Length - start)];
            y.CopyDoubles(start, part);
            combine(x.Slice(start, part.Length), part, destination.Slice(start, part.Length));
        }
    }

    /// <summary>
    /// The column as doubles to read from: its own memory when it is a materialised <c>&lt;f8</c> column, else
    /// widened (or gathered) into <paramref name="scratch"/>, which must be as long as the column.
    /// </summary>
    public static ReadOnlySpan<double> InPlaceOr(Column column, Span<double> scratch)
    {
        if (column is Column<double> direct && direct.IsMaterialized)
        {
            return direct.Span;
        }

        column.CopyDoubles(0, scratch[..column.Length]);
        return scratch;
    }

    public static Column<double> Filled(int length, double value)
    {
        var values = ColumnMemory.Allocate<double>(length);
        values.AsSpan().Fill(value);
        return new Column<double>(values);
    }

    /// <summary>Min and max, NaN when the span is empty or holds a NaN (numpy's reductions propagate NaN).</summary>
    public static double Min(ReadOnlySpan<double> values) => values.IsEmpty ? double.NaN : TensorPrimitives.Min(values);

    public static double Max(ReadOnlySpan<double> values) => values.IsEmpty ? double.NaN : TensorPrimitives.Max(values);

    /// <summary><c>np.mean</c>: numpy's sum, in its order (the same on every CPU), over the count.</summary>
    public static double Mean(ReadOnlySpan<double> values) =>
        values.IsEmpty ? double.NaN : NumpySum.Sum(values) / values.Length;
}
