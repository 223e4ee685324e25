namespace Rtl.Tasks;

/// <summary>
/// Byte counts that saturate at <see cref="long.MaxValue"/> instead of wrapping: a bound from a hostile argument
/// (<c>bins: 1e18</c>) must come out huge, never negative.
/// </summary>
public static class CostMath
{
    public static long Times(long a, long b)
    {
        if (a <= 0 || b <= 0)
        {
            return 0;
        }

        return a > long.MaxValue / b ? long.MaxValue : a * b;
    }

    public static long Times(long a, long b, long c) => Times(Times(a, b), c);

    public static long Plus(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
