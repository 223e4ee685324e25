using Rtl.Data;
using Rtl.Tasks.Internals;

namespace Rtl.Tasks;

/// <summary>Row-wise max over the listed columns into a new <c>&lt;f8</c> column. Unlike the seed, <c>columns</c>
/// given as one string is one column name, not a substring pattern.</summary>
public sealed class CrossMaxTask : IRowLocalTask
{
    public string Name => "cross_max";

    public string Summary => "column = row-wise max of the listed columns";

    public IReadOnlyList<TaskArgument> Arguments { get; } = CrossColumns.Arguments("max");

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment) => CrossColumns.Plan(args, input);

    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment) =>
        CrossColumns.Cost(args, input);

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment) => CrossColumns.Max(args, input);
}
