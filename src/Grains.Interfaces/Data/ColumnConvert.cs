using System.Numerics.Tensors;

namespace Rtl.Data;

/// <summary>Widening conversions of whole columns, vectorised where the runtime offers it.</summary>
internal static class ColumnConvert
{
    public static void ToDoubles(Column column, Span<double> destination)
    {
        switch (column)
        {
            case Column<double> d:
                d.Span.CopyTo(destination);
                break;
            case Column<long> l:
                TensorPrimitives.ConvertChecked<long, double>(l.Span, destination);
                break;
            case Column<int> i:
                TensorPrimitives.ConvertChecked<int, double>(i.Span, destination);
                break;
            case Column<float> f:
                TensorPrimitives.ConvertChecked<float, double>(f.Span, destination);
                break;
            case Column<byte> u:
                TensorPrimitives.ConvertChecked<byte, double>(u.Span, destination);
                break;
            default:
                for (var row = 0; row < column.Length; row++)
                {
                    destination[row] = column.GetDouble(row);
                }

                break;
        }
    }
}
