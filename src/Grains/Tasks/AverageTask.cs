using Rtl.Data;
using Rtl.Tasks.Internals;

namespace Rtl.Tasks;

/// <summary>Every row of <c>column</c> holds mean(a) over all rows (NaN if any value is NaN).</summary>
public sealed class AverageTask : IRtlTask
{
    public string Name => "average";

    public string Summary => "column = mean of a, on every row";

    public IReadOnlyList<TaskArgument> Arguments { get; } = [Operations.Argument("{a, column}: every row of column holds mean(a)")];

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment) => ColumnOperations.Plan(args, input);

    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment) =>
        ColumnOperations.Cost(args, input, readsWhole: true);

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment) =>
        ColumnOperations.Run(args, input, (_, a) =>
        {
            var mean = Doubles.Mean(a.AsDoubles());
            var result = ColumnMemory.Allocate<double>(a.Length);
            result.AsSpan().Fill(mean);
            return result;
        });
}
