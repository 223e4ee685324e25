using System.Diagnostics;

namespace Rtl.Benchmarks;

/// <summary>How many repetitions a measure gets: at least <see cref="MinReps"/>, then more until <see cref="Budget"/> is spent.</summary>
public sealed record Budget(int Warmup, int MinReps, int MaxReps, TimeSpan Time)
{
    public Budget Scale(double factor) => this with { Time = Time * factor };

    /// <summary>One of <paramref name="rounds"/> interleaved blocks: its share of the repetitions and time, warm-up in the first only.</summary>
    public Budget Round(int round, int rounds) => this with
    {
        Warmup = round == 0 ? Warmup : 0,
        MinReps = Math.Max(1, MinReps / rounds),
        MaxReps = Math.Max(1, MaxReps / rounds),
        Time = Time / rounds,
    };

    /// <summary>
    /// Another repetition? Up to <see cref="MaxReps"/>, at least <see cref="MinReps"/> and until <see cref="Time"/>
    /// is spent — but a slow case (5 repetitions already past 3x the time) stops there. numpy's serve.py has the same rule.
    /// </summary>
    public bool WantsMore(int done, TimeSpan elapsed) =>
        done < MaxReps && (done < MinReps || elapsed < Time) && !(done >= 5 && elapsed > Time * 3);
}

/// <summary>Samples in milliseconds and their order statistics.</summary>
public sealed class Samples(IReadOnlyList<double> milliseconds)
{
    private readonly double[] sorted = [.. milliseconds.Order()];

    public IReadOnlyList<double> Values { get; } = milliseconds;

    public int Count => sorted.Length;

    public double Median => Quantile(0.5);

    public double P99 => Quantile(0.99);

    public double Min => sorted.Length == 0 ? double.NaN : sorted[0];

    public double Quantile(double q)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        // Linear interpolation between closest ranks, as numpy.percentile's default.
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}

public static class Measure
{
    /// <summary>Runs <paramref name="body"/> for the warm-up, then times each repetition.</summary>
    public static Samples Run(Budget budget, Action body)
    {
        for (var i = 0; i < budget.Warmup; i++)
        {
            body();
        }

        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (budget.WantsMore(times.Count, total.Elapsed))
        {
            var clock = Stopwatch.StartNew();
            body();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return new Samples(times);
    }

    public static async Task<Samples> RunAsync(Budget budget, Func<Task> body)
    {
        for (var i = 0; i < budget.Warmup; i++)
        {
            await body();
        }

        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (budget.WantsMore(times.Count, total.Elapsed))
        {
            var clock = Stopwatch.StartNew();
            await body();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return new Samples(times);
    }
}
