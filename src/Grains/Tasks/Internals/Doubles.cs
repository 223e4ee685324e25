using System.Numerics.Tensors;
using Rtl.Data;

namespace Rtl.Tasks.Internals;

/// <summary>Columns read as doubles (numpy's float64 promotion) into buffers the task owns.</summary>
internal static class Doubles
{
    /// <summary>Widens <paramref name="column"/> into <paramref name="destination"/>, vectorised for the common dtypes.</summary>
    public static void Read(Column column, Span<double> destination)
    {
        switch (column)
        {
            case Column<double> d:
                d.Span.CopyTo(destination);
                break;
            case Column<long> l:
                TensorPrimitives.ConvertTruncating<long, double>(l.Span, destination);
                break;
            case Column<int> i:
                TensorPrimitives.ConvertTruncating<int, double>(i.Span, destination);
                break;
            case Column<float> f:
                TensorPrimitives.ConvertTruncating<float, double>(f.Span, destination);
                break;
            case Column<byte> u:
                TensorPrimitives.ConvertTruncating<byte, double>(u.Span, destination);
                break;
            default:
                for (var row = 0; row < column.Length; row++)
                {
                    destination[row] = column.GetDouble(row);
                }

                break;
        }
    }

    /// <summary>A fresh, writable double copy of <paramref name="column"/>.</summary>
    public static double[] Copy(Column column)
    {
        var values = ColumnMemory.Allocate<double>(column.Length);
        Read(column, values);
        return values;
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

    public static double Mean(ReadOnlySpan<double> values) =>
        values.IsEmpty ? double.NaN : TensorPrimitives.Sum(values) / values.Length;
}
