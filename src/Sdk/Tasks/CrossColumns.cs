using System.Numerics.Tensors;
using Rtl.Data;
using Rtl.Numerics;

namespace Rtl.Tasks;

/// <summary>The shared body of the row-wise reductions: <c>operations: [{columns: [..], column}]</c>.</summary>
public static class CrossColumns
{
    private sealed record Operation(IReadOnlyList<string> Columns, string Column);

    public static IReadOnlyList<TaskArgument> Arguments(string what) =>
        [Operations.Argument($"{{columns: [..], column}}: column = row-wise {what} of the listed columns (one name is a list of one)")];

    public static TableSchema Plan(TaskArgs args, TableSchema input)
    {
        Operations.Parse(args, input, Parse, out var output);
        return output;
    }

    /// <summary>A new column per operation, and a block buffer for each further column it may read piecewise.</summary>
    public static TaskCost Cost(TaskArgs args, TablePlan input) =>
        Operations.Cost(args, input, Parse, (cost, op, parsed, _) => cost
            .PlusFixed(op.At("columns"), Doubles.BlockBytes * (parsed.Columns.Distinct().Count() - 1), "of read blocks")
            .NewColumn(op, input.Rows));

    /// <summary>Row-wise mean: the sum over the columns, divided by how many there are.</summary>
    public static TaskOutput Mean(TaskArgs args, Table input) => Run(args, input, (sum, count) =>
    {
        if (count > 1)
        {
            TensorPrimitives.Divide(sum, count, sum);
        }
    }, TensorPrimitives.Add);

    /// <summary>Row-wise max; a NaN anywhere in the row makes it NaN, as numpy's max.</summary>
    public static TaskOutput Max(TaskArgs args, Table input) => Run(args, input, (_, _) => { }, TensorPrimitives.Max);

    private static TaskOutput Run(TaskArgs args, Table input, Action<double[], int> finish, Doubles.Binary combine)
    {
        var table = input;
        foreach (var operation in Operations.Parse(args, input.Schema, Parse, out _))
        {
            // Like the seed, a column listed twice counts once and columns are taken in table order.
            var names = table.Names.Where(operation.Columns.Contains).ToArray();
            var result = ColumnMemory.Allocate<double>(table.RowCount);

            // The first column is read in place when it can be, so the first combine writes the result in one pass.
            var first = Doubles.InPlaceOr(table[names[0]], result);

            if (names.Length == 1)
            {
                first.CopyTo(result);
            }

            for (var i = 1; i < names.Length; i++)
            {
                Doubles.Combine(i == 1 ? first : result, table[names[i]], result, combine);
            }

            finish(result, names.Length);
            table = table.With(operation.Column, new Column<double>(result));
        }

        return new TaskOutput(table);
    }

    private static Operation Parse(TaskArgs operation, ref TableSchema schema)
    {
        var columns = operation.RequireColumns("columns", schema);
        var column = operation.RequireNewColumn();
        schema = schema.With(column, DType.F8);
        return new Operation(columns, column);
    }
}
