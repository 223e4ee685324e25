using System.Numerics.Tensors;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary><c>column = a × b</c> per operation, <c>&lt;f8</c>, IEEE semantics.</summary>
public sealed class MultiplyTask() : BinaryArithmeticTask<MultiplyTask.Product>("multiply", "×", "column = a × b (element-wise product; b is a column or a number)")
{
    public readonly struct Product : IBinaryOperation
    {
        public static void Apply(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination) =>
            TensorPrimitives.Multiply(x, y, destination);

        public static void Apply(ReadOnlySpan<double> x, double y, Span<double> destination) =>
            TensorPrimitives.Multiply(x, y, destination);
    }
}
