using Rtl.Data;
using Rtl.Tasks;

namespace Rtl.IntegrationTests.Cluster;

/// <summary>
/// <c>c = a + b</c> from a task whose <see cref="Uses"/> leaves out <c>b</c>, as a plugin's might by mistake:
/// narrowed, its job is refused, and it must still succeed as written.
/// </summary>
public sealed class ShortUsesTask : IRtlTask
{
    public string Name => "short_uses";

    public string Summary => "c = a + b, saying it reads only a (a test task)";

    public IReadOnlyList<TaskArgument> Arguments => [];

    public ColumnUse? Uses(TaskArgs args) => ColumnUse.PassesThrough(["a"]);

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment)
    {
        TaskArgs.CheckColumn("a", "a", input);
        TaskArgs.CheckColumn("b", "b", input);
        return input.With("c", DType.F8);
    }

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment)
    {
        var a = input["a"].AsDoubles();
        var b = input["b"].AsDoubles();
        var c = new double[input.RowCount];
        for (var i = 0; i < c.Length; i++)
        {
            c[i] = a[i] + b[i];
        }

        return new TaskOutput(input.With("c", Column.Of(c)));
    }
}
