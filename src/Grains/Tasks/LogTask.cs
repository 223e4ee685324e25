using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary><c>column = ln(a)</c>: log(0) = -inf and log(&lt;0) = NaN are values, as in numpy.</summary>
public sealed class LogTask() : UnaryMathTask<LogTask.NaturalLog>("log", "ln(a)", "column = natural log of a")
{
    public readonly struct NaturalLog : IUnaryOperation
    {
        /// <summary>
        /// The C library's log, one value at a time, as numpy calls it: TensorPrimitives' vector log differs
        /// from it in about 1% of values, and differently at each vector width, so a Pi would disagree with x64.
        /// </summary>
        public static void Apply(ReadOnlySpan<double> x, Span<double> destination)
        {
            for (var i = 0; i < x.Length; i++)
            {
                destination[i] = Math.Log(x[i]);
            }
        }
    }
}
