using Rtl.Data;
using Rtl.Tasks.Internals;

namespace Rtl.Tasks;

/// <summary>Row-wise mean over the listed columns into a new <c>&lt;f8</c> column (the same as cross_average, as in the seed). Unlike the seed, <c>columns</c>
/// given as one string is one column name, not a substring pattern.</summary>
public sealed class AggregateTask : IRowLocalTask
{
    public string Name => "aggregate";

    public string Summary => "column = row-wise mean of the listed columns";

    public IReadOnlyList<TaskArgument> Arguments { get; } = CrossColumns.Arguments("mean");

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment) => CrossColumns.Plan(args, input);

    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment) =>
        CrossColumns.Cost(args, input);

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment) => CrossColumns.Mean(args, input);
}
