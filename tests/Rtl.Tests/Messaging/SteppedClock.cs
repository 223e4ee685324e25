namespace Rtl.Tests.Messaging;

/// <summary>A clock a test moves by hand, so an expiry is tested without waiting for it.</summary>
public sealed class SteppedClock : TimeProvider
{
    private long ticks = 1;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => ticks;

    public void Advance(TimeSpan by) => ticks += by.Ticks;
}
