using Rtl.Data;

namespace Rtl.Grains.Tasks.Internals.Grouping;

/// <summary>
/// std and var: Welford's running mean and sum of squared deviations per group (as pandas' group_var), merged across
/// chunks with Chan's parallel formula. <c>var = m2 / (n − ddof)</c>, NaN when n ≤ ddof (pandas; numpy would divide).
/// </summary>
internal sealed class MomentsAggregate(int groups, bool std, int ddof) : GroupAggregate(groups)
{
    private readonly long[] counts = new long[groups];
    private readonly double[] means = new double[groups];
    private readonly double[] squares = new double[groups];

    public override void Add(ReadOnlySpan<int> groupOfRow, ReadOnlySpan<double> values, long firstRow)
    {
        for (var row = 0; row < values.Length; row++)
        {
            var value = values[row];
            if (!double.IsNaN(value))
            {
                var group = groupOfRow[row];
                var count = ++counts[group];
                var before = means[group];
                var mean = before + ((value - before) / count);
                means[group] = mean;
                squares[group] += (value - mean) * (value - before);
            }
        }
    }

    public override int StateWidth => 3;

    public override Column[] State() => [new Column<long>(counts), new Column<double>(means), new Column<double>(squares)];

    public override void Merge(ReadOnlySpan<int> groupOfRow, IReadOnlyList<Column> state)
    {
        var partCounts = Longs(state[0]);
        var partMeans = Doubles(state[1]);
        var partSquares = Doubles(state[2]);
        for (var row = 0; row < groupOfRow.Length; row++)
        {
            var group = groupOfRow[row];
            var (a, b) = ((double)counts[group], (double)partCounts[row]);
            if (b == 0)
            {
                continue;
            }

            var n = a + b;
            var delta = partMeans[row] - means[group];
            means[group] += delta * (b / n);
            squares[group] += partSquares[row] + (delta * delta * (a * b / n));
            counts[group] += partCounts[row];
        }
    }

    public override Column Result(ReadOnlySpan<int> order)
    {
        var result = ColumnMemory.Allocate<double>(order.Length);
        for (var i = 0; i < order.Length; i++)
        {
            var group = order[i];
            var variance = counts[group] > ddof ? squares[group] / (counts[group] - ddof) : double.NaN;
            result[i] = std ? Math.Sqrt(variance) : variance;
        }

        return new Column<double>(result);
    }
}
