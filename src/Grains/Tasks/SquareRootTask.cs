using System.Numerics.Tensors;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary><c>column = √a</c>: sqrt(&lt;0) = NaN is a value, as in numpy.</summary>
public sealed class SquareRootTask() : UnaryMathTask<SquareRootTask.Root>("square_root", "sqrt(a)", "column = square root of a")
{
    public readonly struct Root : IUnaryOperation
    {
        public static void Apply(ReadOnlySpan<double> x, Span<double> destination) => TensorPrimitives.Sqrt(x, destination);
    }
}
