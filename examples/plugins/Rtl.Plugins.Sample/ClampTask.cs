using Rtl.Data;
using Rtl.Tasks;

namespace Rtl.Plugins.Sample;

/// <summary>
/// <c>column = min(max(a, min), max)</c> per operation, <c>&lt;f8</c>; NaN stays NaN. Built on the SDK's operation
/// helpers, as the built-in tasks are: <see cref="Operations"/> reads the <c>operations</c> list in order (a later
/// operation may read a column an earlier one wrote) and prices it.
/// </summary>
public sealed class ClampTask : IRowLocalTask
{
    public string Name => "clamp";

    public string Summary => "column = a limited to [min, max] (element-wise; a sample plugin)";

    public IReadOnlyList<TaskArgument> Arguments { get; } =
        [Operations.Argument("{a, min, max, column}: column = a clamped to [min, max]; a is a column, min and max numbers")];

    /// <summary>
    /// Optional (without it a pipeline reads every column up to this task): each operation reads its a, and every
    /// other column passes through, so an open_array before a group_by opens only the columns read.
    /// </summary>
    public ColumnUse? Uses(TaskArgs args) => Operations.Uses(args, "a");

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment)
    {
        Operations.Parse(args, input, Parse, out var output);
        return output;
    }

    /// <summary>
    /// Optional (without it the silo assumes every result column is written afresh): the rows stay as many, and each
    /// operation allocates its new column, plus a copy of a as doubles when a is not &lt;f8.
    /// </summary>
    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment) =>
        Operations.Cost(args, input, Parse, (cost, op, parsed, schema) =>
            cost.Widened(op, "a", schema, parsed.A, input.Rows).NewColumn(op, input.Rows));

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment)
    {
        var table = input;
        foreach (var (a, min, max, column) in Operations.Parse(args, input.Schema, Parse, out _))
        {
            var values = table[a].AsDoubles();
            var result = new double[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                // Comparisons, not Math.Clamp: NaN compares false both ways and passes through.
                var v = values[i];
                result[i] = v < min ? min : v > max ? max : v;
            }

            table = table.With(column, new Column<double>(result));
        }

        return new TaskOutput(table);
    }

    private sealed record Operation(string A, double Min, double Max, string Column);

    private static Operation Parse(TaskArgs operation, ref TableSchema schema)
    {
        var a = operation.RequireColumn("a", schema);
        var min = operation.RequireNumber("min");
        var max = operation.RequireNumber("max");
        if (min > max)
        {
            throw new TaskArgumentException(operation.At("max"), $"max ({max}) is below min ({min})");
        }

        var column = operation.RequireNewColumn();
        schema = schema.With(column, DType.F8);
        return new Operation(a, min, max, column);
    }
}
