using Rtl.Data;
using Rtl.Numerics;

namespace Rtl.Tasks;

/// <summary>The shared body of tasks that derive one <c>&lt;f8</c> column from another: <c>operations: [{a, column}]</c>.</summary>
public static class ColumnOperations
{
    public sealed record Operation(string A, string Column, TaskArgs Args);

    public static TableSchema Plan(TaskArgs args, TableSchema input, Action<TaskArgs>? extra = null)
    {
        Operations.Parse(args, input, (TaskArgs op, ref TableSchema schema) => Parse(op, ref schema, extra), out var output);
        return output;
    }

    /// <summary>One new column per operation; <paramref name="readsWhole"/>: the kernel reads <c>a</c> whole as doubles (widening it).</summary>
    public static TaskCost Cost(TaskArgs args, TablePlan input, Action<TaskArgs>? extra = null, bool readsWhole = false) =>
        Operations.Cost(args, input, (TaskArgs op, ref TableSchema schema) => Parse(op, ref schema, extra),
            (cost, op, parsed, schema) => (readsWhole ? cost.Widened(op, "a", schema, parsed.A, input.Rows) : cost).NewColumn(op, input.Rows));

    /// <summary>The operations in order, each read against the schema the earlier ones left.</summary>
    public static List<Operation> Parse(TaskArgs args, TableSchema input) =>
        Operations.Parse(args, input, (TaskArgs op, ref TableSchema schema) => Parse(op, ref schema, null), out _);

    /// <summary>Runs <paramref name="compute"/> per operation on the table as the earlier operations left it.</summary>
    public static TaskOutput Run(TaskArgs args, Table input, Func<Operation, Column, double[]> compute, Action<TaskArgs>? extra = null)
    {
        var table = input;
        foreach (var operation in Operations.Parse(args, input.Schema, (TaskArgs op, ref TableSchema schema) => Parse(op, ref schema, extra), out _))
        {
            table = table.With(operation.Column, new Column<double>(compute(operation, table[operation.A])));
        }

        return new TaskOutput(table);
    }

    /// <summary>Applies <typeparamref name="TKernel"/> to <paramref name="a"/> as doubles, into a new array.</summary>
    public static double[] Map<TKernel>(Column a)
        where TKernel : IUnaryOperation
    {
        var result = ColumnMemory.Allocate<double>(a.Length);
        TKernel.Apply(Doubles.InPlaceOr(a, result), result);
        return result;
    }

    private static Operation Parse(TaskArgs operation, ref TableSchema schema, Action<TaskArgs>? extra)
    {
        var a = operation.RequireColumn("a", schema);
        extra?.Invoke(operation);
        var column = operation.RequireNewColumn();
        schema = schema.With(column, DType.F8);
        return new Operation(a, column, operation);
    }
}
