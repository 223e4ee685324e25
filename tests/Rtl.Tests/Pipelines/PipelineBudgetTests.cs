using Rtl.Data;
using Rtl.Grains.Hosting;
using Rtl.Grains.Registry;
using Rtl.Grains.Validation;
using Rtl.Pipelines;
using Rtl.Tasks;
using Xunit;

namespace Rtl.Tests.Pipelines;

/// <summary>
/// The plan against the silo's budget: a stage holds the table it is given (and, past stage 0, the job's own input)
/// and all its tasks allocate; over the budget the stage's costliest task is named with its argument and bound.
/// The input is 3 rows of a (<c>&lt;i8</c>), b and c (<c>&lt;f8</c>): 72 bytes.
/// </summary>
public sealed class PipelineBudgetTests
{
    private static readonly TaskRegistry Registry = TaskRegistry.BuiltIn();
    private static readonly TaskEnvironment Environment = new(Path.GetTempPath(), Path.GetTempPath(), Guid.Empty);
    private static readonly TablePlan Abc = new(
        Table.Create(("a", Column.Of(1L)), ("b", Column.Of(1.0)), ("c", Column.Of(1.0))).Schema, 3);

    private static string Refused(string json, long budget, TablePlan? input = null) =>
        Assert.Throws<PipelineFormatException>(() =>
            PipelineValidator.Validate(Pipeline.FromJson(json), input ?? Abc, Registry, Environment, budget)).Message;

    [Fact]
    public void A_task_over_the_budget_is_named_with_its_argument_and_its_bound()
    {
        Assert.Equal(
            "stage 0, task 'histogram', operations[0].bins: needs at most 8,032 bytes (operations[0].bins: 1,001 bin edges × 8 bytes; " +
            "operations[0].column: 3 rows × 8 bytes); stage 0 as a whole needs at most 8,104 bytes with its tables, " +
            "over this silo's memory budget of 8,000 bytes (MemoryBudget, --memory-budget)",
            Refused("""{"stages": [{"tasks": [{"task": "histogram", "operations": [{"a": "b", "bins": 1000, "column": "h"}]}]}]}""", 8_000));
    }

    [Fact]
    public void A_plan_within_the_budget_passes()
    {
        PipelineValidator.Validate(
            Pipeline.FromJson("""{"stages": [{"tasks": [{"task": "histogram", "operations": [{"a": "b", "bins": 1000, "column": "h"}]}]}]}"""),
            Abc, Registry, Environment, 8_104);
    }

    [Fact]
    public void Tasks_of_one_stage_add_up_and_the_costliest_is_named()
    {
        // 72 bytes of input, 24 and 24 for the adds, and the sort: 3 rows × 24 to order them, 49,152 of digit counts,
        // 3 rows × 40 to gather them (a, b, c, d, e).
        var error = Refused("""
            {"stages": [{"tasks": [{"task": "add", "operations": [{"a": "b", "b": 1, "column": "d"}]},
                                   {"task": "add", "operations": [{"a": "d", "b": 1, "column": "e"}]},
                                   {"task": "sort", "column": "e", "kind": "stable"}]}]}
            """, 49_152);

        Assert.StartsWith("stage 0, task 'sort', column: needs at most 49,344 bytes", error);
        Assert.Contains("stage 0 as a whole needs at most 49,464 bytes with its tables", error);
    }

    [Fact]
    public void A_later_stage_holds_its_own_table_and_the_jobs_input()
    {
        // Stage 1 is given 3 rows of a, b, c, d (96 bytes) while the job keeps its 72-byte input: 168 + 24 of the add.
        var json = """
            {"stages": [{"tasks": [{"task": "add", "operations": [{"a": "b", "b": 1, "column": "d"}]}]},
                        {"tasks": [{"task": "add", "operations": [{"a": "d", "b": 1, "column": "e"}]}]}]}
            """;

        Assert.EndsWith("stage 1 as a whole needs at most 192 bytes with its tables, over this silo's memory budget of 191 bytes (MemoryBudget, --memory-budget)",
            Refused(json, 191));
        PipelineValidator.Validate(Pipeline.FromJson(json), Abc, Registry, Environment, 192);
    }

    [Fact]
    public void The_row_bound_flows_from_task_to_task()
    {
        // A million rows of input: the filter keeps at most all of them, so the sort after it is bounded by them.
        var input = new TablePlan(Abc.Schema, 1_000_000);
        var error = Refused("""
            {"stages": [{"tasks": [{"task": "filter", "operations": [{"column": "b", "method": "gt", "value": 0}]},
                                   {"task": "sort", "column": "b", "kind": "stable"}]}]}
            """, 64_000_000, input);

        Assert.StartsWith("stage 0, task 'sort', column: needs at most 48,049,152 bytes (column: 1,000,000 rows × 24 bytes", error);
    }

    [Fact]
    public void A_task_stating_no_bound_is_counted_as_writing_its_whole_result()
    {
        var registry = TaskRegistry.BuiltIn();
        registry.Register(new Unbounded());

        var error = Assert.Throws<PipelineFormatException>(() => PipelineValidator.Validate(
            Pipeline.FromJson("""{"stages": [{"tasks": [{"task": "unbounded"}]}]}"""), Abc, registry, Environment, 100)).Message;

        Assert.Equal(
            "stage 0, task 'unbounded': needs at most 96 bytes (3 rows × 32 bytes of every result column, as the task states no bound); " +
            "stage 0 as a whole needs at most 168 bytes with its tables, over this silo's memory budget of 100 bytes (MemoryBudget, --memory-budget)",
            error);
    }

    [Fact]
    public void The_default_budget_is_half_the_memory_the_process_may_use()
    {
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

        Assert.True(available > 0);
        Assert.Equal(available / 2, new RtlOptions().ResolvedMemoryBudget);
        Assert.Equal(1234, new RtlOptions { MemoryBudget = 1234 }.ResolvedMemoryBudget);
    }

    /// <summary>A plugin-like task that adds a column and states no cost.</summary>
    private sealed class Unbounded : IRtlTask
    {
        public string Name => "unbounded";

        public string Summary => "adds z";

        public IReadOnlyList<TaskArgument> Arguments { get; } = [];

        public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment) => input.With("z", DType.F8);

        public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment) => throw new NotSupportedException();
    }
}
