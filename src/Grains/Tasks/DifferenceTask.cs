using System.Numerics.Tensors;
using Rtl.Data;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary>
/// <c>column[i] = a[i] − a[i − periods]</c>, NaN for the first <c>periods</c> rows (numpy's and pandas' diff); a
/// negative <c>periods</c> is refused, since it would read rows after <c>i</c>. The seed's was a stub.
/// </summary>
public sealed class DifferenceTask : IRtlTask
{
    public string Name => "difference";

    public string Summary => "column = a[i] - a[i - periods] (periods defaults to 1), NaN where there is no earlier row";

    public IReadOnlyList<TaskArgument> Arguments { get; } =
        [Operations.Argument("{a, column, periods?=1}: column[i] = a[i] - a[i - periods], NaN for the first periods rows; periods >= 0")];

    public ColumnUse? Uses(TaskArgs args) => Operations.Uses(args, "a");

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment) =>
        ColumnOperations.Plan(args, input, op => Periods(op));

    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment) =>
        ColumnOperations.Cost(args, input, op => Periods(op), readsWhole: true);

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment) =>
        ColumnOperations.Run(args, input, (operation, a) => Difference(a.AsDoubles(), Periods(operation.Args)), op => Periods(op));

    private static int Periods(TaskArgs operation) => operation.OptionalInt("periods", 1, minimum: 0);

    private static double[] Difference(ReadOnlySpan<double> x, int periods)
    {
        var n = x.Length;
        var result = ColumnMemory.Allocate<double>(n);
        var lag = Math.Min(periods, n);
        result.AsSpan(0, lag).Fill(double.NaN);
        TensorPrimitives.Subtract(x[lag..], x[..(n - lag)], result.AsSpan(lag));
        return result;
    }
}
