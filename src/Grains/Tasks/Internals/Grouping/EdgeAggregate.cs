using Rtl.Data;

namespace Rtl.Grains.Tasks.Internals.Grouping;

/// <summary>
/// first and last: the group's first (or last) non-NaN value, as pandas' first/last skip NaN; NaN for a group with
/// none. The value's row number in the whole table travels with it, so chunks merge to the same value.
/// </summary>
internal sealed class EdgeAggregate : GroupAggregate
{
    private readonly double[] values;
    private readonly long[] rows;
    private readonly bool last;

    public EdgeAggregate(int groups, bool last)
        : base(groups)
    {
        this.last = last;
        values = new double[groups];
        values.AsSpan().Fill(double.NaN);
        rows = new long[groups];
        rows.AsSpan().Fill(-1);
    }

    public override void Add(ReadOnlySpan<int> groupOfRow, ReadOnlySpan<double> values, long firstRow)
    {
        for (var row = 0; row < values.Length; row++)
        {
            var value = values[row];
            var group = groupOfRow[row];
            if (!double.IsNaN(value) && (last || rows[group] < 0))
            {
                this.values[group] = value;
                rows[group] = firstRow + row;
            }
        }
    }

    public override int StateWidth => 2;

    public override Column[] State() => [new Column<double>(values), new Column<long>(rows)];

    public override void Merge(ReadOnlySpan<int> groupOfRow, IReadOnlyList<Column> state)
    {
        var partValues = Doubles(state[0]);
        var partRows = Longs(state[1]);
        for (var row = 0; row < groupOfRow.Length; row++)
        {
            var group = groupOfRow[row];
            var at = partRows[row];
            if (at >= 0 && (rows[group] < 0 || (last ? at > rows[group] : at < rows[group])))
            {
                values[group] = partValues[row];
                rows[group] = at;
            }
        }
    }

    public override Column Result(ReadOnlySpan<int> order) => InOrder(values, order);
}
