using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Rtl.Data;

/// <summary>Widening conversions to doubles, vectorised where the runtime offers it.</summary>
internal static class ColumnConvert
{
    /// <summary>Values of any column type widened to doubles (booleans are 0 or 1).</summary>
    public static void ToDoubles<T>(ReadOnlySpan<T> values, Span<double> destination) where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            MemoryMarshal.Cast<T, double>(values).CopyTo(destination);
        }
        else if (typeof(T) == typeof(long))
        {
            TensorPrimitives.ConvertChecked<long, double>(MemoryMarshal.Cast<T, long>(values), destination);
        }
        else if (typeof(T) == typeof(int))
        {
            TensorPrimitives.ConvertChecked<int, double>(MemoryMarshal.Cast<T, int>(values), destination);
        }
        else if (typeof(T) == typeof(float))
        {
            TensorPrimitives.ConvertChecked<float, double>(MemoryMarshal.Cast<T, float>(values), destination);
        }
        else if (typeof(T) == typeof(byte) || typeof(T) == typeof(bool))
        {
            // A bool is stored as one byte, 0 or 1.
            TensorPrimitives.ConvertChecked<byte, double>(MemoryMarshal.Cast<T, byte>(values), destination);
        }
        else
        {
            throw new NotSupportedException($"no conversion from {typeof(T).Name} to double");
        }
    }
}
