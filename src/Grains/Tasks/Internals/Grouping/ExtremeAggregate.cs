using Rtl.Data;

namespace Rtl.Grains.Tasks.Internals.Grouping;

/// <summary>min and max of the non-NaN values; NaN for a group with none. Of equal values (-0 and 0) the first is kept.</summary>
internal sealed class ExtremeAggregate : GroupAggregate
{
    private readonly double[] extremes;
    private readonly bool max;

    public ExtremeAggregate(int groups, bool max)
        : base(groups)
    {
        this.max = max;
        extremes = new double[groups];
        extremes.AsSpan().Fill(double.NaN);
    }

    public override void Add(ReadOnlySpan<int> groupOfRow, ReadOnlySpan<double> values, long firstRow)
    {
        if (max)
        {
            Fold<Greater>(groupOfRow, values);
        }
        else
        {
            Fold<Less>(groupOfRow, values);
        }
    }

    /// <summary>A group still NaN takes any value (a NaN changes nothing); after that only a strictly better one.</summary>
    private void Fold<TBetter>(ReadOnlySpan<int> groupOfRow, ReadOnlySpan<double> values)
        where TBetter : IBetter
    {
        var byGroup = extremes.AsSpan();
        for (var row = 0; row < values.Length; row++)
        {
            ref var extreme = ref byGroup[groupOfRow[row]];
            var value = values[row];
            if (TBetter.Than(value, extreme) || double.IsNaN(extreme))
            {
                extreme = value;
            }
        }
    }

    public override int StateWidth => 1;

    public override Column[] State() => [new Column<double>(extremes)];

    public override void Merge(ReadOnlySpan<int> groupOfRow, IReadOnlyList<Column> state) => Add(groupOfRow, Doubles(state[0]), 0);

    public override Column Result(ReadOnlySpan<int> order) => InOrder(extremes, order);

    private interface IBetter
    {
        static abstract bool Than(double value, double extreme);
    }

    private readonly struct Greater : IBetter
    {
        public static bool Than(double value, double extreme) => value > extreme;
    }

    private readonly struct Less : IBetter
    {
        public static bool Than(double value, double extreme) => value < extreme;
    }
}
