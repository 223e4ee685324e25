namespace Rtl.Tasks;

/// <summary>
/// The element-wise <c>a ∘ b</c> of a <see cref="BinaryArithmeticTask{TOperation}"/>, over spans;
/// <c>destination</c> may be <c>x</c> itself. Static, so each operation's kernel is compiled into its task.
/// </summary>
public interface IBinaryOperation
{
    static abstract void Apply(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination);

    static abstract void Apply(ReadOnlySpan<double> x, double y, Span<double> destination);
}
