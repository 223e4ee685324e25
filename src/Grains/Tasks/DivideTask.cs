using System.Numerics.Tensors;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary><c>column = a ÷ b</c> per operation, <c>&lt;f8</c>, IEEE semantics.</summary>
public sealed class DivideTask() : BinaryArithmeticTask<DivideTask.Quotient>("divide", "÷", "column = a ÷ b (element-wise quotient; b is a column or a number)")
{
    public readonly struct Quotient : IBinaryOperation
    {
        public static void Apply(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination) =>
            TensorPrimitives.Divide(x, y, destination);

        public static void Apply(ReadOnlySpan<double> x, double y, Span<double> destination) =>
            TensorPrimitives.Divide(x, y, destination);
    }
}
