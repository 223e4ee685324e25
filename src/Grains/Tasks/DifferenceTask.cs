using System.Numerics.Tensors;
using Rtl.Data;
using Rtl.Tasks.Internals;

namespace Rtl.Tasks;

/// <summary>
/// <c>column[i] = a[i] − a[i − periods]</c>, NaN where <c>i − periods</c> falls outside the table (the first
/// <c>periods</c> rows; the last ones for a negative <c>periods</c>, as pandas' diff). The seed's was a stub.
/// </summary>
public sealed class DifferenceTask : IRtlTask
{
    public string Name => "difference";

    public string Summary => "column = a[i] - a[i - periods] (periods defaults to 1), NaN where there is no earlier row";

    public IReadOnlyList<TaskArgument> Arguments { get; } =
        [Operations.Argument("{a, column, periods?=1}: column[i] = a[i] - a[i - periods], NaN for the first periods rows")];

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment) =>
        ColumnOperations.Plan(args, input, op => Periods(op));

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment) =>
        ColumnOperations.Run(args, input, (operation, a) => Difference(a.AsDoubles(), Periods(operation.Args)), op => Periods(op));

    private static int Periods(TaskArgs operation) => operation.OptionalInt("periods", 1);

    private static double[] Difference(ReadOnlySpan<double> x, int periods)
    {
        var n = x.Length;
        var result = ColumnMemory.Allocate<double>(n);
        var lag = (int)Math.Min(Math.Abs((long)periods), n);
        if (periods >= 0)
        {
            result.AsSpan(0, lag).Fill(double.NaN);
            TensorPrimitives.Subtract(x[lag..], x[..(n - lag)], result.AsSpan(lag));
        }
        else
        {
            TensorPrimitives.Subtract(x[..(n - lag)], x[lag..], result.AsSpan(0, n - lag));
            result.AsSpan(n - lag).Fill(double.NaN);
        }

        return result;
    }
}
