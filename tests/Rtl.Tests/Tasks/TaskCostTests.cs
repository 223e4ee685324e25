using Rtl.Data;
using Rtl.Grains.Registry;
using Rtl.Grains.Tasks;
using Rtl.Tasks;
using Xunit;

namespace Rtl.Tests.Tasks;

/// <summary>
/// Every task's stated bound, from its arguments and a plan of 1,000,000 rows of a (<c>&lt;i8</c>), x and y
/// (<c>&lt;f8</c>) — no data at all. Each expected value is worked out from what the task's run allocates: its
/// new <c>&lt;f8</c> columns (8 bytes a row), a non-<c>&lt;f8</c> column widened to doubles (8), a read block
/// (16,384 doubles), a sort (4 + 8 bytes a row for the order and keys, 12 per key column for its second buffers,
/// 49,152 bytes of digit counts per key column), a gather (the row's 24 bytes).
/// </summary>
public sealed class TaskCostTests
{
    private const long Rows = 1_000_000;
    private static readonly TaskRegistry Registry = TaskRegistry.BuiltIn();
    private static readonly TablePlan Plan = new(
        Table.Create(("a", Column.Of(1L)), ("x", Column.Of(1.0)), ("y", Column.Of(1.0))).Schema, Rows);

    public static TheoryData<string, string, long, string> Bounds() => new()
    {
        { "null", "{}", 0, "" },
        { "add", """{"operations": [{"a": "x", "b": 1, "column": "z"}]}""", 8_000_000, "operations[0].column" },
        { "add", """{"operations": [{"a": "x", "b": "a", "column": "z"}]}""", 8_000_000 + 131_072, "operations[0].column" },
        { "power", """{"operations": [{"a": "x", "b": 2, "column": "z"}, {"a": "z", "b": "y", "column": "w"}]}""", 16_000_000 + 131_072, "operations[0].column" },
        { "log", """{"operations": [{"a": "a", "column": "z"}]}""", 8_000_000, "operations[0].column" },
        { "square_root", """{"operations": [{"a": "x", "column": "z"}]}""", 8_000_000, "operations[0].column" },
        { "average", """{"operations": [{"a": "a", "column": "z"}]}""", 16_000_000, "operations[0].a" },
        { "average", """{"operations": [{"a": "x", "column": "z"}]}""", 8_000_000, "operations[0].column" },
        { "difference", """{"operations": [{"a": "a", "column": "z", "periods": 3}]}""", 16_000_000, "operations[0].a" },
        { "cross_average", """{"operations": [{"columns": ["a", "x", "y"], "column": "z"}]}""", 8_000_000 + (2 * 131_072), "operations[0].column" },
        { "cross_max", """{"operations": [{"columns": "x", "column": "z"}]}""", 8_000_000, "operations[0].column" },
        { "aggregate", """{"operations": [{"columns": ["x", "x"], "column": "z"}]}""", 8_000_000, "operations[0].column" },
        // Kept row numbers (4 a row) and the kept rows gathered later (24 a row); a is widened to be compared.
        { "filter", """{"operations": [{"column": "x", "method": "gt", "value": 1}, {"column": "a", "method": "ne", "value": 2}]}""", 4_000_000 + 24_000_000 + 8_000_000, "operations" },
        // 101 edges, then the tagged column.
        { "histogram", """{"operations": [{"a": "x", "bins": 100, "column": "h"}]}""", 808 + 8_000_000, "operations[0].column" },
        { "histogram", """{"operations": [{"a": "x", "bins": 1000000, "column": "h"}]}""", 8_000_008 + 8_000_000, "operations[0].bins" },
        { "histogram", """{"operations": [{"a": "x", "bins": [0, 1, 2], "column": "h"}]}""", 24 + 8_000_000, "operations[0].column" },
        { "normalize", """{"model": "PercentOfMax", "columns": ["x", "a"]}""", 8_000_000 + 16_000_000, "columns" },
        // Ordering by two keys (4 + 8 + 2 × 12 a row, 2 × 49,152), the second key in order (8), Class, ClassCount and the sizes (48).
        { "classify_static", """{"operations": [{"a": ["a", "x"], "column": "k"}]}""", 36_000_000 + 98_304 + 8_000_000 + 48_000_000, "operations[0].column" },
        { "column_space", """{"column": "x", "space": "linear"}""", 8_000_000, "space" },
        { "column_space", """{"column": "a", "space": "sorted"}""", 8_000_000 + 24_000_000 + 49_152, "space" },
        { "regression", """{"operations": [{"x": "x", "y": "y", "model": "Linear", "space": "log"}]}""", 8_000_000, "operations[0].space" },
        // Degree 3: four Vandermonde columns and y's copy (5 × 8 a row), plus the points.
        { "regression", """{"operations": [{"x": "x", "y": "y", "model": "Poly", "d": 3, "space": "linear"}]}""", 40_000_000 + 8_000_000, "operations[0].d" },
        { "sort", """{"column": "x", "kind": "stable"}""", 24_000_000 + 49_152 + 24_000_000, "column" },
        { "sort", """{"columns": ["a", "x"], "kind": "stable"}""", 36_000_000 + 98_304 + 24_000_000, "columns" },
        { "unique", """{"a": "a"}""", 24_000_000 + 49_152 + 28_000_000, "a" },
        // Every row may be a group: codes and numbers (12 a row), numbering them (84 a group) and the first hash table
        // (20,480), the keys gathered and ordered (16 + 24 a group, 49,152), per aggregation state and result (32), a widened.
        { "group_by", """{"keys": ["a"], "aggregations": [{"a": "x", "op": "mean", "column": "m"}, {"a": "a", "op": "max", "column": "top"}]}""",
            12_000_000 + 84_000_000 + 20_480 + 16_000_000 + 24_000_000 + 49_152 + 64_000_000 + 8_000_000, "keys" },
        { "write", """{"path": "out", "filename": "t", "extension": "dat"}""", 2 << 20, "extension" },
    };

    [Theory]
    [MemberData(nameof(Bounds))]
    public void A_task_states_its_bound_from_its_arguments_and_the_row_count_alone(string name, string json, long bytes, string argument)
    {
        var cost = Cost(name, json);

        Assert.Equal(bytes, cost.Bytes);
        Assert.Equal(Rows, cost.Rows);
        Assert.Equal(argument, cost.Largest?.Argument ?? "");
    }

    [Fact]
    public void A_bound_from_a_hostile_count_saturates_instead_of_wrapping()
    {
        var cost = Cost("filter", """{"operations": [{"column": "x", "method": "gt", "value": 1}]}""", new TablePlan(Plan.Schema, long.MaxValue / 2));

        Assert.Equal(long.MaxValue, cost.Bytes);
    }

    [Fact]
    public void The_description_lists_the_largest_parts_first_with_how_they_were_counted()
    {
        var cost = Cost("histogram", """{"operations": [{"a": "a", "bins": 1000000, "column": "h"}]}""");

        Assert.Equal(
            "24,000,008 bytes (operations[0].bins: 1,000,001 bin edges × 8 bytes; operations[0].a: 1,000,000 rows × 8 bytes to read 'a' as doubles; " +
            "operations[0].column: 1,000,000 rows × 8 bytes)",
            cost.Describe());
    }

    [Fact]
    public void A_task_that_states_no_bound_is_assumed_to_keep_its_rows_and_write_every_result_column_afresh()
    {
        var output = Plan.Schema.With("z", DType.F4);

        var cost = TaskCost.Unstated(Plan, output);

        Assert.Equal(Rows, cost.Rows);
        Assert.Equal(Rows * (8 + 8 + 8 + 4), cost.Bytes);
    }

    [Fact]
    public void The_costs_of_a_run_over_a_big_table_bound_what_it_allocates()
    {
        // The harness checks every run's allocations against its stated cost; these are big enough for the
        // per-row parts, not the slack, to decide.
        var input = Table.Create(
            ("a", Column.Of(Enumerable.Range(0, 200_000).Select(i => (long)(i % 977)).ToArray())),
            ("x", Column.Of(Enumerable.Range(0, 200_000).Select(i => Math.Sin(i) * 1000).ToArray())),
            ("f", Column.Of(Enumerable.Range(0, 200_000).Select(i => (float)i).ToArray())));
        foreach (var (name, json) in new[]
        {
            ("add", """{"operations": [{"a": "a", "b": "f", "column": "z"}]}"""),
            ("average", """{"operations": [{"a": "f", "column": "z"}]}"""),
            ("difference", """{"operations": [{"a": "a", "column": "z", "periods": 2}]}"""),
            ("cross_max", """{"operations": [{"columns": ["a", "x", "f"], "column": "z"}]}"""),
            ("filter", """{"operations": [{"column": "a", "method": "lt", "value": 500}, {"column": "f", "method": "gt", "value": 10}]}"""),
            ("histogram", """{"operations": [{"a": "f", "bins": 1000, "column": "h"}]}"""),
            ("normalize", """{"model": "Squash", "columns": ["a", "f"]}"""),
            ("classify_static", """{"operations": [{"a": ["a", "f"], "column": "k"}]}"""),
            ("column_space", """{"column": "f", "space": "sorted"}"""),
            ("regression", """{"operations": [{"x": "a", "y": "x", "model": "Poly", "d": 4, "space": "sorted"}]}"""),
            ("sort", """{"columns": ["a", "x"], "kind": "stable", "descending": true}"""),
            ("unique", """{"a": "a", "keep": "first"}"""),
            ("group_by", """{"keys": ["a", "f"], "aggregations": [{"a": "x", "op": "var", "column": "v"}, {"a": "f", "op": "first", "column": "f1"}]}"""),
        })
        {
            Assert.True(Registry.TryFind(name, out var task));
            TaskHarness.Run(task, json, input);
        }
    }

    [Fact]
    public void A_filters_bound_covers_gathering_every_column_it_selects()
    {
        var input = TaskHarness.Large(200_000);
        var filter = new FilterTask();
        var args = TaskArgs.Parse("""{"operations": [{"column": "x", "method": "gt", "value": -50}]}""");
        var cost = filter.Cost(args, TablePlan.Of(input), TestEnvironment.Instance)!;

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var output = filter.Run(args, input, TestEnvironment.Instance).Table;
        foreach (var column in output.Columns)
        {
            _ = column.Bytes; // gathers it, as the next task reading it would
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.True(allocated <= cost.Bytes + TaskHarness.Slack, $"allocated {allocated:N0}, stated {cost.Describe()}");
    }

    internal static TaskCost Cost(string name, string json, TablePlan? input = null)
    {
        Assert.True(Registry.TryFind(name, out var task), name);
        return task.Cost(TaskArgs.Parse(json), input ?? Plan, TestEnvironment.Instance)!;
    }
}
