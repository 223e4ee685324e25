using Rtl.Data;
using Rtl.Numerics;

namespace Rtl.Tasks;

/// <summary>
/// What add, subtract, multiply, divide and power share: <c>operations: [{a, b, column}]</c>, each writing
/// <c>column = a ∘ b</c> as a new <c>&lt;f8</c> column. <typeparamref name="TOperation"/> is a struct, so the JIT
/// specialises <see cref="Run"/> per operation and calls its kernel directly. Abstract, so the registry's
/// discovery passes over it and finds only the five sealed tasks.
/// </summary>
public abstract class BinaryArithmeticTask<TOperation>(string name, string symbol, string summary) : IRowLocalTask
    where TOperation : struct, IBinaryOperation
{
    private sealed record Operation(string A, Operand B, string Column);

    public string Name => name;

    public string Summary => summary;

    public IReadOnlyList<TaskArgument> Arguments { get; } =
    [
        Operations.Argument($"{{a, b, column}}: column = a {symbol} b; a is a column, b a column or a number"),
    ];

    public ColumnUse? Uses(TaskArgs args) => Operations.Uses(args, "a", "b");

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment)
    {
        Operations.Parse(args, input, Parse, out var output);
        return output;
    }

    /// <summary>A new column per operation, and a block buffer where <c>b</c> is a column that may be read piecewise.</summary>
    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment) =>
        Operations.Cost(args, input, Parse, (cost, op, parsed, _) =>
            (parsed.B.IsColumn ? cost.PlusFixed(op.At("b"), Doubles.BlockBytes, "of a read block") : cost).NewColumn(op, input.Rows));

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment)
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
                Doubles.Combine(x, table[operation.B.Column!], result, TOperation.Apply);
            }
            else
            {
                TOperation.Apply(x, operation.B.Number, result);
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
