namespace Rtl.Grains.Streams.Internals;

/// <summary>Rows received per second over the last ten whole seconds.</summary>
public sealed class IngestRate
{
    private const int Seconds = 10;
    private readonly long[] counts = new long[Seconds];
    private readonly long[] stamps = new long[Seconds];

    public void Add(DateTimeOffset now, int rows)
    {
        var second = now.ToUnixTimeSeconds();
        var slot = (int)(second % Seconds);
        if (stamps[slot] != second)
        {
            (stamps[slot], counts[slot]) = (second, 0);
        }

        counts[slot] += rows;
    }

    public double PerSecond(DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        long total = 0;
        for (var i = 0; i < Seconds; i++)
        {
            if (second - stamps[i] is > 0 and <= Seconds)
            {
                total += counts[i];
            }
        }

        return total / (double)Seconds;
    }
}
