using Rtl.Data;

namespace Rtl.Grains.Tasks.Internals.Grouping;

/// <summary>
/// count, sum and mean: the non-NaN values counted and summed with Kahan's compensation, as pandas sums groups, so a
/// group's sum does not drift with its size or with how the rows were chunked. An empty or all-NaN group sums to 0
/// (pandas' min_count=0) and has no mean (NaN).
/// </summary>
internal sealed class SumAggregate(int groups, string op) : GroupAggregate(groups)
{
    private readonly long[] counts = new long[groups];
    private readonly double[] sums = new double[groups];
    private readonly double[] compensations = new double[groups];

    public override void Add(ReadOnlySpan<int> groupOfRow, ReadOnlySpan<double> values, long firstRow)
    {
        if (op == "count")
        {
            for (var row = 0; row < values.Length; row++)
            {
                counts[groupOfRow[row]] += double.IsNaN(values[row]) ? 0 : 1;
            }

            return;
        }

        for (var row = 0; row < values.Length; row++)
        {
            var value = values[row];
            if (!double.IsNaN(value))
            {
                var group = groupOfRow[row];
                counts[group]++;
                Sum(group, value);
            }
        }
    }

    private void Sum(int group, double value)
    {
        var y = value - compensations[group];
        var t = sums[group] + y;
        var compensation = t - sums[group] - y;
        // An infinite value makes the compensation NaN; the sum is then the infinity (pandas GH#53606).
        compensations[group] = double.IsNaN(compensation) ? 0 : compensation;
        sums[group] = t;
    }

    public override int StateWidth => 3;

    public override Column[] State() => [new Column<long>(counts), new Column<double>(sums), new Column<double>(compensations)];

    public override void Merge(ReadOnlySpan<int> groupOfRow, IReadOnlyList<Column> state)
    {
        var partCounts = Longs(state[0]);
        var partSums = Doubles(state[1]);
        var partCompensations = Doubles(state[2]);
        for (var row = 0; row < groupOfRow.Length; row++)
        {
            var group = groupOfRow[row];
            counts[group] += partCounts[row];
            if (partCounts[row] > 0 && op != "count")
            {
                Sum(group, partSums[row]);
                Sum(group, -partCompensations[row]);
            }
        }
    }

    public override Column Result(ReadOnlySpan<int> order)
    {
        if (op == "count")
        {
            return InOrder(counts, order);
        }

        var result = ColumnMemory.Allocate<double>(order.Length);
        for (var i = 0; i < order.Length; i++)
        {
            var group = order[i];
            result[i] = op == "sum" ? sums[group] : counts[group] == 0 ? double.NaN : sums[group] / counts[group];
        }

        return new Column<double>(result);
    }
}
