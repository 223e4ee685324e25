using Rtl.Data;
using Rtl.Grains.Hosting;
using Rtl.Grains.Registry;
using Rtl.Grains.Validation;
using Rtl.Pipelines;
using Rtl.Tasks;
using Xunit;

namespace Rtl.Tests.Pipelines;

public sealed class PipelineValidatorTests
{
    private static readonly TaskRegistry Registry = TaskRegistry.BuiltIn();
    private static readonly TaskEnvironment Environment = new(Path.GetTempPath(), Path.GetTempPath(), Guid.Empty);
    private static readonly TableSchema Abc = Table.Create(("a", Column.Of(1L)), ("b", Column.Of(1.0)), ("c", Column.Of(1.0))).Schema;

    private static string Error(string json, TableSchema? schema = null) =>
        Assert.Throws<PipelineFormatException>(() =>
            PipelineValidator.Validate(Pipeline.FromJson(json), new TablePlan(schema ?? Abc, 3), Registry, Environment)).Message;

    [Fact]
    public void A_missing_column_names_stage_task_argument_and_the_columns()
    {
        Assert.Equal(
            "stage 1, task 'add', operations[0].b: column 'foo' not found (columns: a, b, c)",
            Error("""{"0": {"tasks": {"null": {}}}, "1": {"tasks": {"add": {"operations": [{"a": "a", "b": "foo", "column": "d"}]}}}}"""));
    }

    [Fact]
    public void A_column_written_by_an_earlier_task_can_be_read_later()
    {
        var pipeline = Pipeline.FromJson("""
            {"stages": [{"tasks": [{"task": "add", "operations": [{"a": "a", "b": 1, "column": "d"}]}]},
                        {"tasks": [{"task": "multiply", "operations": [{"a": "d", "b": "d", "column": "e"}]}]}]}
            """);
        PipelineValidator.Validate(pipeline, new TablePlan(Abc, 3), Registry, Environment);
    }

    [Fact]
    public void An_unknown_task_lists_the_close_names()
    {
        Assert.Equal("stage 0: unknown task 'task_substract' (did you mean: subtract?)",
            Error("""{"0": {"tasks": {"task_substract": {}}}}"""));
    }

    [Fact]
    public void A_task_nothing_like_a_known_one_lists_every_task()
    {
        Assert.StartsWith("stage 0: unknown task 'zzzzzzzzzzzz' (tasks: ", Error("""{"0": {"tasks": {"zzzzzzzzzzzz": {}}}}"""));
    }

    [Fact]
    public void A_missing_argument_is_named()
    {
        Assert.Equal("stage 0, task 'add', operations: required argument is missing", Error("""{"0": {"tasks": {"add": {}}}}"""));
    }

    [Fact]
    public void A_wrong_argument_type_says_what_was_expected()
    {
        Assert.Equal("stage 0, task 'filter', operations[0].value: expected a number, got the string \"x\"",
            Error("""{"0": {"tasks": {"filter": {"operations": [{"column": "a", "method": "gt", "value": "x"}]}}}}"""));
    }
}
