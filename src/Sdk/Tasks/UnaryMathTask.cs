using Rtl.Data;

namespace Rtl.Tasks;

/// <summary>
/// What log and square_root share: <c>operations: [{a, column}]</c>, each writing <c>column = f(a)</c> as a new
/// <c>&lt;f8</c> column. Abstract, so the registry's discovery passes over it and finds only the sealed tasks.
/// </summary>
public abstract class UnaryMathTask<TOperation>(string name, string formula, string summary) : IRowLocalTask
    where TOperation : struct, IUnaryOperation
{
    public string Name => name;

    public string Summary => summary;

    public IReadOnlyList<TaskArgument> Arguments { get; } = [Operations.Argument($"{{a, column}}: column = {formula}")];

    public ColumnUse? Uses(TaskArgs args) => Operations.Uses(args, "a");

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment) => ColumnOperations.Plan(args, input);

    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment) => ColumnOperations.Cost(args, input);

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment) =>
        ColumnOperations.Run(args, input, (_, a) => ColumnOperations.Map<TOperation>(a));
}
