using System.Text.Json;
using Rtl.Data;
using Rtl.Grains.Hosting;
using Rtl.Grains.Registry;
using Rtl.Grains.Validation;
using Rtl.Pipelines;
using Rtl.Tasks;
using Xunit;

namespace Rtl.Tests.Pipelines;

/// <summary>
/// Projection: an <c>open_array</c> is told the columns the rest of the pipeline reads only when its result leaves
/// some out (a <c>group_by</c> downstream), never past a task that may read any column, nor over a user's usecols.
/// </summary>
public sealed class ColumnLivenessTests
{
    private static readonly TaskRegistry Registry = TaskRegistry.BuiltIn();

    private const string Open = """{"task": "open_array", "path": "p", "filename": "f", "extension": "dat"}""";

    private const string GroupBy = """{"task": "group_by", "keys": ["appName"], "aggregations": [{"a": "totalRunTime", "op": "mean", "column": "meanRunTime"}]}""";

    private const string Filter = """{"task": "filter", "operations": [{"column": "jobId", "method": "gt", "value": 1500}]}""";

    private const string Add = """{"task": "add", "operations": [{"a": "inputBytesRead", "b": "shuffleBytes", "column": "readBytes"}]}""";

    [Fact]
    public void A_grouped_pipeline_opens_only_the_columns_its_tasks_read()
    {
        var narrowed = Narrow(Stages([Open], [Filter, Add, GroupBy]));

        // readBytes is written by add, not read from the file.
        Assert.Equal(["appName", "inputBytesRead", "jobId", "shuffleBytes", "totalRunTime"], Needed(narrowed.Pipeline, 0, 0));
        Assert.Empty(narrowed.InputColumns!);
    }

    [Fact]
    public void A_pipeline_whose_result_keeps_every_column_is_left_as_written()
    {
        var pipeline = Stages([Open], [Filter, Add, """{"task": "normalize", "model": "Squash", "columns": ["readBytes"]}"""]);

        var narrowed = Narrow(pipeline);

        Assert.Same(pipeline, narrowed.Pipeline);
        Assert.Null(Narrow(Stages([Filter, Add])).InputColumns);
    }

    [Fact]
    public void A_task_that_may_read_any_column_stops_the_narrowing_before_it()
    {
        var write = """{"task": "write", "path": "p", "filename": "copy", "extension": "dat"}""";
        var pipeline = Stages([Open], [write, GroupBy]);

        Assert.Same(pipeline, Narrow(pipeline).Pipeline);
    }

    [Fact]
    public void A_plugin_that_does_not_say_what_it_reads_stops_the_narrowing()
    {
        var registry = TaskRegistry.BuiltIn();
        registry.Register(new Plugins.PluginEchoTask());
        var pipeline = Stages([Open, """{"task": "plugin_echo"}""", GroupBy]);

        Assert.Same(pipeline, ColumnLiveness.Narrow(pipeline, registry).Pipeline);
    }

    [Fact]
    public void Usecols_written_by_the_user_are_kept_as_written()
    {
        var open = """{"task": "open_array", "path": "p", "filename": "f", "extension": "dat", "usecols": ["appName", "totalRunTime", "numTasks"]}""";
        var pipeline = Stages([open, GroupBy]);

        Assert.Same(pipeline, Narrow(pipeline).Pipeline);
    }

    [Fact]
    public void Columns_read_on_another_stage_and_by_plots_count()
    {
        var plot = """{"task": "simple_plot", "plots": {"runtime": [{"x": "jobId", "y": "totalRunTime", "series": "stageName"}]}}""";
        var pinned = """{"on": "pi-3", "tasks": [""" + Open + "]}";
        var pipeline = Pipeline.FromJson($$"""{"stages": [{{pinned}}, {"tasks": [{{plot}}]}, {"tasks": [{{GroupBy}}]}]}""");

        var narrowed = Narrow(pipeline);

        Assert.Equal(["appName", "jobId", "stageName", "totalRunTime"], Needed(narrowed.Pipeline, 0, 0));
        Assert.Equal("pi-3", narrowed.Pipeline.Stages[0].On);
        Assert.Equal(pipeline.Stages[1], narrowed.Pipeline.Stages[1]);
    }

    [Fact]
    public void An_input_table_keeps_only_the_columns_read()
    {
        var input = Table.Create(("appName", Column.Of(1L, 2)), ("totalRunTime", Column.Of(3.0, 4)), ("unread", Column.Of(5.0, 6)), ("jobId", Column.Of(7L, 8)));
        var narrowed = Narrow(Stages([Filter], [GroupBy]));

        var kept = narrowed.Input(input)!;

        Assert.Equal(["appName", "totalRunTime", "jobId"], kept.Names);
        Assert.Same(input.Columns[1], kept.Columns[1]);
        Assert.Same(input, Narrow(Stages([Filter])).Input(input));
    }

    [Fact]
    public void A_refused_narrowed_pipeline_reports_the_error_of_the_whole_one()
    {
        var schema = Table.Create(("appName", Column.Of(1L)), ("totalRunTime", Column.Of(1.0)), ("jobId", Column.Of(1L))).Schema;
        var typo = """{"task": "group_by", "keys": ["appNme"], "aggregations": [{"a": "totalRunTime", "op": "mean", "column": "m"}]}""";
        var validated = new List<Pipeline>();

        var error = Assert.Throws<PipelineFormatException>(() => ColumnLiveness.Validate(Stages([Open, typo]), Registry, pipeline =>
        {
            validated.Add(pipeline);
            // As the validator would see each: the narrowed open_array keeps the columns named, the whole one all three.
            var columns = pipeline.Stages[0].Tasks[0].Arguments.Has("needed") ? new TableSchema(schema.Columns.Where(c => c.Name == "totalRunTime")) : schema;
            PipelineValidator.ValidateStage(0, new StageDefinition([pipeline.Stages[0].Tasks[1]]), new TablePlan(columns, 1), Registry, Environment, long.MaxValue);
        }));

        Assert.Equal(2, validated.Count);
        Assert.Contains("(columns: appName, totalRunTime, jobId)", error.Message);
    }

    private static readonly TaskEnvironment Environment = new(Path.GetTempPath(), Path.GetTempPath(), Guid.Empty);

    private static Narrowing Narrow(Pipeline pipeline) => ColumnLiveness.Narrow(pipeline, Registry);

    private static Pipeline Stages(params string[][] stages) =>
        Pipeline.FromJson($$"""{"stages": [{{string.Join(", ", stages.Select(tasks => $$"""{"tasks": [{{string.Join(", ", tasks)}}]}"""))}}]}""");

    private static string[] Needed(Pipeline pipeline, int stage, int task) =>
        JsonDocument.Parse(pipeline.Stages[stage].Tasks[task].ArgumentsJson).RootElement.GetProperty("needed").EnumerateArray().Select(e => e.GetString()!).ToArray();
}
