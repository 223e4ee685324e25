using Rtl.Data;
using Rtl.Grains.Tasks.Internals;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary>One row per distinct value of <c>a</c>, ordered by that value ascending (NaN last, all NaN one value);
/// the row kept is the last with that value, as the seed did, or the first with <c>keep: first</c>.</summary>
public sealed class UniqueTask : IRtlTask
{
    public string Name => "unique";

    public string Summary => "one row per distinct value of a, ordered by it; keeps the last such row (or the first)";

    public IReadOnlyList<TaskArgument> Arguments { get; } =
    [
        new("a", "the column whose distinct values are kept"),
        new("keep", "last (default, as the seed) or first", Required: false),
    ];

    public ColumnUse? Uses(TaskArgs args) => ColumnUse.PassesThrough(args.NamesIn("a"));

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment)
    {
        Parse(args, input);
        return input;
    }

    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment)
    {
        var (a, _) = Parse(args, input.Schema);
        return TaskCost.Of(input.Rows).OrderCost(args.At("a"), input, [a])
            .Plus(args.At("a"), input.Rows, "rows", sizeof(int) + input.RowBytes, "of kept row numbers and kept rows");
    }

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment)
    {
        var (a, keepLast) = Parse(args, input.Schema);
        var column = input[a];
        var order = RadixSort.Order([column], input.RowCount, out var keys);

        // The sort is stable, so within a run of equal values the rows are in input order.
        var kept = new int[order.Length];
        var count = 0;
        for (var i = 0; i < order.Length; i++)
        {
            var runStarts = i == 0 || keys[i] != keys[i - 1];
            var runEnds = i == order.Length - 1 || keys[i] != keys[i + 1];
            if (keepLast ? runEnds : runStarts)
            {
                kept[count++] = order[i];
            }
        }

        return new TaskOutput(count == input.RowCount && RadixSort.IsIdentity(order) ? input : input.Gather(kept.AsSpan(0, count)));
    }

    private static (string A, bool KeepLast) Parse(TaskArgs args, TableSchema schema) =>
        (args.RequireColumn("a", schema), args.OptionalChoice("keep", "last", "last", "first") == "last");
}
