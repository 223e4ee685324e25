using Rtl.Data;
using Rtl.Grains.Tasks.Internals;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary>
/// <c>{column}Class</c>: the index of the row's combination of the <c>a</c> columns among the distinct
/// combinations sorted ascending; <c>{column}ClassCount</c>: how many rows share it (both <c>&lt;i8</c>).
/// Unlike the seed, float keys are compared exactly (it truncated them to int) and several columns form one key.
/// As in the seed, all Class columns come before all ClassCount columns.
/// </summary>
public sealed class ClassifyStaticTask : IRtlTask
{
    public string Name => "classify_static";

    public string Summary => "{column}Class = rank of the row's a-combination among the distinct ones; {column}ClassCount = its frequency";

    public IReadOnlyList<TaskArgument> Arguments { get; } =
        [Operations.Argument("{a: [columns], column}: writes {column}Class and {column}ClassCount (<i8)")];

    public ColumnUse? Uses(TaskArgs args) => Operations.Uses(args, "a");

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment)
    {
        var operations = Operations.Parse(args, input, Parse, out _);
        var output = operations.Aggregate(input, (schema, op) => schema.With(op.Column + "Class", DType.I8));
        return operations.Aggregate(output, (schema, op) => schema.With(op.Column + "ClassCount", DType.I8));
    }

    /// <summary>Per operation: ordering the rows by its keys, the keys in that order, the two result columns and the class sizes.</summary>
    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment) =>
        Operations.Cost(args, input, Parse, (cost, op, parsed, _) => cost
            .OrderCost(op.At("a"), input, parsed.A)
            .Plus(op.At("a"), input.Rows, "rows", (sizeof(ulong) + (sizeof(double) * RadixSort.WidenedKeys(input, parsed.A))) * (long)(parsed.A.Count - 1), "of keys in order")
            .Plus(op.At("column"), input.Rows, "rows", (2 * sizeof(long)) + (4 * sizeof(long)), "of Class and ClassCount columns and class sizes"));

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment)
    {
        // Operations see each other's columns in order; the result lists the columns in the seed's order.
        var working = input;
        var operations = Operations.Parse(args, input.Schema, Parse, out _);
        foreach (var operation in operations)
        {
            var (classes, counts) = Classify(operation.A.Select(a => working[a]).ToArray(), working.RowCount);
            working = working
                .With(operation.Column + "Class", new Column<long>(classes))
                .With(operation.Column + "ClassCount", new Column<long>(counts));
        }

        var output = operations.Aggregate(input, (table, op) => table.With(op.Column + "Class", working[op.Column + "Class"]));
        output = operations.Aggregate(output, (table, op) => table.With(op.Column + "ClassCount", working[op.Column + "ClassCount"]));
        return new TaskOutput(output);
    }

    private sealed record Operation(IReadOnlyList<string> A, string Column);

    private static Operation Parse(TaskArgs operation, ref TableSchema schema)
    {
        var a = operation.RequireColumns("a", schema);
        var column = operation.RequireNewColumn();
        schema = schema.With(column + "Class", DType.I8).With(column + "ClassCount", DType.I8);
        return new Operation(a, column);
    }

    /// <summary>Sorts the rows by the key columns, then numbers the runs of equal keys.</summary>
    private static (long[] Classes, long[] Counts) Classify(Column[] keys, int rows)
    {
        // Runs are found on keys laid out in sorted order, so the scan reads memory sequentially.
        var order = RadixSort.Order(keys, rows, out var first);
        var sorted = keys.Skip(1).Select(column => RadixSort.KeysInOrder(column, order)).Prepend(first).ToArray();
        var classes = ColumnMemory.Allocate<long>(rows);
        var sizes = new List<long>();
        var start = 0;
        for (var i = 1; i <= rows; i++)
        {
            if (i < rows && SameKey(sorted, i - 1, i))
            {
                continue;
            }

            for (var j = start; j < i; j++)
            {
                classes[order[j]] = sizes.Count;
            }

            sizes.Add(i - start);
            start = i;
        }

        var counts = ColumnMemory.Allocate<long>(rows);
        for (var row = 0; row < rows; row++)
        {
            counts[row] = sizes[(int)classes[row]];
        }

        return (classes, counts);
    }

    private static bool SameKey(ulong[][] keys, int row, int other)
    {
        foreach (var key in keys)
        {
            if (key[row] != key[other])
            {
                return false;
            }
        }

        return true;
    }
}
