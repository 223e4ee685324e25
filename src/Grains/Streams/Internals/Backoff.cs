namespace Rtl.Grains.Streams.Internals;

/// <summary>When to try a failed connection again: 0.5 s after the first failure, doubling to 30 s, reset by a success.</summary>
public sealed class Backoff
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);
    private DateTime nextTry = DateTime.MinValue;

    public TimeSpan Wait { get; private set; } = TimeSpan.Zero;

    public bool MayTry(DateTime now) => now >= nextTry;

    public void Failed(DateTime now)
    {
        Wait = Wait == TimeSpan.Zero ? First : TimeSpan.FromTicks(Math.Min(Wait.Ticks * 2, Longest.Ticks));
        nextTry = now + Wait;
    }

    public void Succeeded() => (Wait, nextTry) = (TimeSpan.Zero, DateTime.MinValue);
}
