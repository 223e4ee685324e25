using Rtl.Data;

namespace Rtl.Grains.Tasks.Internals.Grouping;

/// <summary>
/// One aggregation's running state per group. <see cref="Add"/> folds rows in, in row order; <see cref="State"/> is
/// what a chunk sends back and <see cref="Merge"/> folds such states in, in chunk order, so chunks combined give the
/// whole table's answer: exactly for count, min, max, first and last, within rounding for sum, mean, std and var.
/// NaN values are skipped, as pandas' groupby does.
/// </summary>
internal abstract class GroupAggregate(int groups)
{
    public static readonly string[] Ops = ["count", "sum", "mean", "min", "max", "std", "var", "first", "last"];

    /// <summary>At most what one aggregation allocates a group: its state and its result column.</summary>
    public const long BytesPerGroup = 4 * sizeof(double);

    protected int Groups { get; } = groups;

    public static GroupAggregate Create(string op, int groups, int ddof) => op switch
    {
        "count" or "sum" or "mean" => new SumAggregate(groups, op),
        "min" or "max" => new ExtremeAggregate(groups, op == "max"),
        "std" or "var" => new MomentsAggregate(groups, op == "std", ddof),
        "first" or "last" => new EdgeAggregate(groups, op == "last"),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown aggregation"),
    };

    public static DType ResultType(string op) => op == "count" ? DType.I8 : DType.F8;

    /// <summary>Folds in <paramref name="values"/>, row by row; <paramref name="firstRow"/> is the whole table's number of values[0].</summary>
    public abstract void Add(ReadOnlySpan<int> groupOfRow, ReadOnlySpan<double> values, long firstRow);

    /// <summary>How many columns <see cref="State"/> has.</summary>
    public abstract int StateWidth { get; }

    /// <summary>The state by group number, as columns (a chunk's partial aggregate).</summary>
    public abstract Column[] State();

    /// <summary>Folds in states that <see cref="State"/> produced, one row per (chunk, group), in chunk order.</summary>
    public abstract void Merge(ReadOnlySpan<int> groupOfRow, IReadOnlyList<Column> state);

    /// <summary>The answer of each group, the groups taken in <paramref name="order"/>.</summary>
    public abstract Column Result(ReadOnlySpan<int> order);

    protected static Column<T> InOrder<T>(T[] byGroup, ReadOnlySpan<int> order)
        where T : unmanaged
    {
        var result = ColumnMemory.Allocate<T>(order.Length);
        for (var i = 0; i < order.Length; i++)
        {
            result[i] = byGroup[order[i]];
        }

        return new Column<T>(result);
    }

    protected static ReadOnlySpan<double> Doubles(Column column) => ((Column<double>)column).Span;

    protected static ReadOnlySpan<long> Longs(Column column) => ((Column<long>)column).Span;
}
