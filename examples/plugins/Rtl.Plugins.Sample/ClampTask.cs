using Rtl.Data;
using Rtl.Tasks;

namespace Rtl.Plugins.Sample;

/// <summary><c>column = min(max(a, min), max)</c> per operation, <c>&lt;f8</c>; NaN stays NaN.</summary>
public sealed class ClampTask : IRowLocalTask
{
    public string Name => "clamp";

    public string Summary => "column = a limited to [min, max] (element-wise; a sample plugin)";

    public IReadOnlyList<TaskArgument> Arguments { get; } =
    [
        new("operations", "list of {a, min, max, column}: column = a clamped to [min, max]; a is a column, min and max numbers"),
    ];

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment)
    {
        var schema = input;
        foreach (var operation in Parse(args, input))
        {
            schema = schema.With(operation.Column, DType.F8);
        }

        return schema;
    }

    /// <summary>
    /// Optional (without it the silo assumes every result column is written afresh): the rows stay as many, and each
    /// operation allocates its new column, plus a copy of a as doubles when a is not &lt;f8.
    /// </summary>
    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment)
    {
        var cost = TaskCost.Of(input.Rows);
        var operations = Parse(args, input.Schema);
        for (var i = 0; i < operations.Count; i++)
        {
            var widened = input.Schema.TypeOf(operations[i].A) is { } type && type != DType.F8;
            cost = cost.Plus($"operations[{i}].column", input.Rows, "rows", widened ? 16 : 8);
        }

        return cost;
    }

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment)
    {
        var table = input;
        foreach (var (a, min, max, column) in Parse(args, input.Schema))
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

    private static List<Operation> Parse(TaskArgs args, TableSchema input)
    {
        // Each operation may read a column an earlier one made: check against the growing schema.
        var schema = input;
        var operations = new List<Operation>();
        foreach (var operation in args.RequireList())
        {
            var a = operation.RequireColumn("a", schema);
            var min = operation.RequireNumber("min");
            var max = operation.RequireNumber("max");
            if (min > max)
            {
                throw new TaskArgumentException(operation.At("max"), $"max ({max}) is below min ({min})");
            }

            var column = operation.RequireString("column");
            schema = schema.With(column, DType.F8);
            operations.Add(new Operation(a, min, max, column));
        }

        return operations;
    }
}
