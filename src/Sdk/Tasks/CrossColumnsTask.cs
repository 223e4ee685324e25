using Rtl.Data;

namespace Rtl.Tasks;

/// <summary>
/// What cross_average, aggregate and cross_max share: a row-wise <paramref name="measure"/> over the listed columns
/// into a new <c>&lt;f8</c> column. Unlike the seed, <c>columns</c> given as one string is one column name, not a
/// substring pattern. Abstract, so the registry's discovery passes over it and finds only the sealed tasks.
/// </summary>
public abstract class CrossColumnsTask(string name, string measure) : IRowLocalTask
{
    public string Name => name;

    public string Summary => $"column = row-wise {measure} of the listed columns";

    public IReadOnlyList<TaskArgument> Arguments { get; } = CrossColumns.Arguments(measure);

    public ColumnUse? Uses(TaskArgs args) => Operations.Uses(args, "columns");

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment) => CrossColumns.Plan(args, input);

    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment) => CrossColumns.Cost(args, input);

    public abstract TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment);
}
