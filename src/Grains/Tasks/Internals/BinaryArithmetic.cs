using Rtl.Data;

namespace Rtl.Tasks.Internals;

/// <summary>An element-wise <c>a ∘ b</c> over spans; <c>destination</c> may be <c>x</c> itself.</summary>
internal interface IBinaryKernel
{
    static abstract void Apply(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination);

    static abstract void Apply(ReadOnlySpan<double> x, double y, Span<double> destination);
}

/// <summary>The shared body of add, subtract, multiply, divide and power: <c>operations: [{a, b, column}]</c>.</summary>
internal static class BinaryArithmetic
{
    private sealed record Operation(string A, Operand B, string Column);

    public static IReadOnlyList<TaskArgument> Arguments(string symbol) =>
    [
        Operations.Argument($"{{a, b, column}}: column = a {symbol} b; a is a column, b a column or a number"),
    ];

    public static TableSchema Plan(TaskArgs args, TableSchema input)
    {
        Operations.Parse(args, input, Parse, out var output);
        return output;
    }

    /// <summary>A new column per operation, and a block buffer where <c>b</c> is a column that may be read piecewise.</summary>
    public static TaskCost Cost(TaskArgs args, TablePlan input) =>
        Operations.Cost(args, input, Parse, (cost, op, parsed, _) =>
            (parsed.B.IsColumn ? cost.PlusFixed(op.At("b"), Doubles.BlockBytes, "of a read block") : cost).NewColumn(op, input.Rows));

    public static TaskOutput Run<TKernel>(TaskArgs args, Table input)
        where TKernel : IBinaryKernel
    {
        var table = input;
        foreach (var operation in Operations.Parse(args, input.Schema, Parse, out _))
        {
            var a = table[operation.A];
            var result = ColumnMemory.Allocate<double>(table.RowCount);

            // A materialised <f8 column is read in place; anything else is widened (or gathered) into the result first.
            var x = Doubles.InPlaceOr(a, result);

            if (operation.B.IsColumn)
            {
                Doubles.Combine(x, table[operation.B.Column!], result, TKernel.Apply);
            }
            else
            {
                TKernel.Apply(x, operation.B.Number, result);
            }

            table = table.With(operation.Column, new Column<double>(result));
        }

        return new TaskOutput(table);
    }

    private static Operation Parse(TaskArgs operation, ref TableSchema schema)
    {
        var a = operation.RequireColumn("a", schema);
        var b = operation.RequireOperand("b", schema);
        var column = operation.RequireNewColumn();
        schema = schema.With(column, DType.F8);
        return new Operation(a, b, column);
    }
}
