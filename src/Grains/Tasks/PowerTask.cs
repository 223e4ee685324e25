using System.Numerics.Tensors;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary><c>column = a ^ b</c> per operation, <c>&lt;f8</c>; pow of a negative base to a non-integer is NaN.</summary>
public sealed class PowerTask() : BinaryArithmeticTask<PowerTask.Power>("power", "^", "column = a ^ b (element-wise power; b is a column or a number)")
{
    public readonly struct Power : IBinaryOperation
    {
        public static void Apply(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination) =>
            TensorPrimitives.Pow(x, y, destination);

        // numpy's fast paths for a scalar exponent: same values as pow, much faster.
        public static void Apply(ReadOnlySpan<double> x, double y, Span<double> destination)
        {
            switch (y)
            {
                case 2:
                    TensorPrimitives.Multiply(x, x, destination);
                    break;
                case 1:
                    x.CopyTo(destination);
                    break;
                case 0.5:
                    TensorPrimitives.Sqrt(x, destination);
                    break;
                case -1:
                    TensorPrimitives.Divide(1.0, x, destination);
                    break;
                case 0:
                    destination.Fill(1.0);
                    break;
                default:
                    TensorPrimitives.Pow(x, y, destination);
                    break;
            }
        }
    }
}
