using Rtl.Data;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary>The identity: returns the table it was given (the seed's <c>null</c> / <c>task_null</c>).</summary>
public sealed class NullTask : IRowLocalTask
{
    public string Name => "null";

    public string Summary => "returns the table unchanged";

    public IReadOnlyList<TaskArgument> Arguments { get; } = [];

    public ColumnUse? Uses(TaskArgs args) => ColumnUse.PassesThrough([]);

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment) => input;

    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment) =>
        TaskCost.Of(input.Rows);

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment) => new(input);
}
