using Rtl.Data;
using Rtl.Grains.Tasks.Internals;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary>
/// <c>{column}Space</c>: linear → linspace(0, max(column), n); log → logspace(0.001, 1, n); sorted, or any other
/// word as in the seed → the column sorted ascending. <c>&lt;f8</c>, where the seed truncated to <c>&lt;i8</c>.
/// </summary>
public sealed class ColumnSpaceTask : IRtlTask
{
    public string Name => "column_space";

    public string Summary => "{column}Space = linspace(0, max, n) (linear), logspace(0.001, 1, n) (log) or the column sorted";

    public IReadOnlyList<TaskArgument> Arguments { get; } =
    [
        new("column", "the column to span"),
        new("space", "linear, log, or sorted (any other word also means sorted, as in the seed)"),
    ];

    public ColumnUse? Uses(TaskArgs args) => ColumnUse.PassesThrough(args.NamesIn("column"));

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment)
    {
        var (column, _) = Parse(args, input);
        return input.With(column + "Space", DType.F8);
    }

    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment)
    {
        var (column, space) = Parse(args, input.Schema);
        return TaskCost.Of(input.Rows).Widened(args, "column", input.Schema, column, input.Rows).SpaceCost(args.At("space"), space, input.Rows);
    }

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment)
    {
        var (column, space) = Parse(args, input.Schema);
        var values = Spaces.Of(space, input[column].AsDoubles());
        return new TaskOutput(input.With(column + "Space", new Column<double>(values)));
    }

    private static (string Column, string Space) Parse(TaskArgs args, TableSchema schema) =>
        (args.RequireColumn("column", schema), args.RequireString("space"));
}
