namespace Rtl.Tasks;

/// <summary>
/// The element-wise <c>f(a)</c> of a <see cref="UnaryMathTask{TOperation}"/>, over spans; <c>destination</c> may be
/// <c>x</c> itself. Static, so each operation's kernel is compiled into its task.
/// </summary>
public interface IUnaryOperation
{
    static abstract void Apply(ReadOnlySpan<double> x, Span<double> destination);
}
