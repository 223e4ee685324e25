using Rtl.Data;
using Rtl.Grains.Tasks.Internals;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary>
/// Rows ordered by the column(s), ascending or descending, NaN last; ties keep their input order whatever the
/// kind (the seed broke ties by the remaining fields and sorted its input in place).
/// </summary>
public sealed class SortTask : IRtlTask
{
    private static readonly string[] Kinds = ["quicksort", "mergesort", "heapsort", "stable"];

    public string Name => "sort";

    public string Summary => "rows ordered by column (or columns), stable, optionally descending";

    public IReadOnlyList<TaskArgument> Arguments { get; } =
    [
        new("column", "the column to sort by, or a list of them (or give columns)"),
        new("kind", "quicksort, mergesort, heapsort or stable (default; all give the same stable order); the seed's method is accepted", Required: false),
        new("descending", "largest first (default false)", Required: false),
    ];

    /// <summary>Reorders every column by the keys: the others pass through, in the new order.</summary>
    public ColumnUse? Uses(TaskArgs args) => ColumnUse.PassesThrough(args.NamesIn("columns").Concat(args.NamesIn("column")));

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment)
    {
        Parse(args, input);
        return input;
    }

    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment)
    {
        var (columns, _) = Parse(args, input.Schema);
        var argument = args.At(args.Has("columns") ? "columns" : "column");
        return TaskCost.Of(input.Rows).OrderCost(argument, input, columns)
            .Plus(argument, input.Rows, "rows", input.RowBytes, "of the table in order");
    }

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment)
    {
        var (columns, descending) = Parse(args, input.Schema);
        var order = RadixSort.Order(columns.Select(c => input[c]).ToArray(), input.RowCount, descending);
        return new TaskOutput(RadixSort.IsIdentity(order) ? input : input.Gather(order));
    }

    private static (IReadOnlyList<string> Columns, bool Descending) Parse(TaskArgs args, TableSchema schema)
    {
        if (args.Has("column") && args.Has("columns"))
        {
            throw new TaskArgumentException(args.At("columns"), "give column or columns, not both");
        }

        var columns = args.Has("columns") ? args.RequireColumns("columns", schema) : args.RequireColumns("column", schema);

        // The seed called it method (numpy's kind); either name is accepted.
        // Optional, default stable (TASKS.md): every kind gives the same stable order, so it is only checked.
        _ = args.Has("method") && !args.Has("kind") ? args.RequireChoice("method", Kinds) : args.OptionalChoice("kind", "stable", Kinds);
        if (args.Has("axis") && args.RequireInt("axis") != 0)
        {
            throw new TaskArgumentException(args.At("axis"), "only axis 0 (rows) exists for a table");
        }

        return (columns, args.OptionalBool("descending", false));
    }
}
