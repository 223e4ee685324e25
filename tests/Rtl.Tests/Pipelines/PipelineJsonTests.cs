using Rtl.Pipelines;
using Xunit;

namespace Rtl.Tests.Pipelines;

public sealed class PipelineJsonTests
{
    [Fact]
    public void The_seed_dict_shape_orders_stages_by_number_and_keeps_task_order()
    {
        var pipeline = Pipeline.FromJson("""
            {"1": {"tasks": {"task_add": {"operations": []}, "filterRows": {}}},
             "0": {"tasks": {"task_open_array": {"filename": "x", "path": "d", "extension": "dat"}}},
             "10": {"tasks": {"task_null": {}}}}
            """);
        Assert.Equal(3, pipeline.Stages.Count);
        Assert.Equal(["open_array"], pipeline.Stages[0].Tasks.Select(t => t.Name));
        Assert.Equal(["add", "filter"], pipeline.Stages[1].Tasks.Select(t => t.Name));
        Assert.Equal(["null"], pipeline.Stages[2].Tasks.Select(t => t.Name));
        Assert.Equal("task_open_array", pipeline.Stages[0].Tasks[0].WrittenAs);
        Assert.Equal("x", pipeline.Stages[0].Tasks[0].Arguments.RequireString("filename"));
    }

    [Fact]
    public void The_list_shape_allows_a_task_twice_in_a_stage()
    {
        var pipeline = Pipeline.FromJson("""
            {"stages": [{"tasks": [{"task": "add", "operations": [{"a": "x", "b": 1, "column": "y"}]},
                                   {"task": "add", "operations": [{"a": "y", "b": 1, "column": "z"}]}]}]}
            """);
        var tasks = pipeline.Stages[0].Tasks;
        Assert.Equal(["add", "add"], tasks.Select(t => t.Name));
        Assert.Equal("y", tasks[1].Arguments.RequireList()[0].RequireString("a"));
    }

    [Fact]
    public void ToJson_reads_back_to_the_same_pipeline()
    {
        var pipeline = Pipeline.Builder()
            .Stage(s => s.Task("task_add", new { operations = new[] { new { a = "x", b = 2.5, column = "y" } } }).Task("null"))
            .Stage(s => s.Task("filterRows", new { operations = new[] { new { column = "y", method = "gt", value = 3 } } }))
            .Build();
        var again = Pipeline.FromJson(pipeline.ToJson());
        Assert.Equal(pipeline.ToJson(), again.ToJson());
        Assert.Equal(["add", "null"], again.Stages[0].Tasks.Select(t => t.Name));
        Assert.Equal("filter", again.Stages[1].Tasks[0].Name);
    }

    [Theory]
    [InlineData("task_add", "add")]
    [InlineData("add", "add")]
    [InlineData("null", "null")]
    [InlineData("task_null", "null")]
    [InlineData("filterRows", "filter")]
    [InlineData("task_filter", "filter")]
    [InlineData("openArray", "open_array")]
    [InlineData("task_open_array", "open_array")]
    [InlineData("simplePlot", "simple_plot")]
    [InlineData("squareRoot", "square_root")]
    [InlineData("crossMax", "cross_max")]
    [InlineData("crossAverage", "cross_average")]
    [InlineData("classifyStatic", "classify_static")]
    [InlineData("columnSpace", "column_space")]
    public void The_seed_spellings_are_aliases(string written, string canonical) =>
        Assert.Equal(canonical, TaskNames.Canonical(written));

    [Theory]
    [InlineData("{\"0\": {\"tasks\": {\"add\": {}}", "malformed pipeline JSON at line 1")]
    [InlineData("[1, 2]", "a pipeline must be a JSON object")]
    [InlineData("{}", "the pipeline has no stages")]
    [InlineData("{\"first\": {\"tasks\": {}}}", "stage key 'first' is not a number")]
    [InlineData("{\"0\": {\"jobs\": {}}}", "stage 0: expected an object with 'tasks'")]
    [InlineData("{\"0\": {\"tasks\": {}}}", "stage 0: no tasks")]
    [InlineData("{\"0\": {\"tasks\": 5}}", "stage 0: 'tasks' must be an object")]
    [InlineData("{\"0\": {\"tasks\": {\"add\": 3}}}", "stage 0, task 'add': arguments must be an object")]
    [InlineData("{\"stages\": {}}", "'stages' must be a list")]
    [InlineData("{\"stages\": [{\"tasks\": [{\"name\": \"add\"}]}]}", "stage 0, tasks[0]: 'task' (the task's name) is missing")]
    [InlineData("{\"stages\": [{\"tasks\": [{\"task\": \"null\"}]}, {\"tasks\": [7]}]}", "stage 1, tasks[0]: expected an object")]
    public void Malformed_pipelines_say_where(string json, string expected)
    {
        var error = Assert.Throws<PipelineFormatException>(() => Pipeline.FromJson(json));
        Assert.StartsWith(expected, error.Message);
    }

    // "ädd" is 4 characters and 5 bytes: the second string starts at column 18, byte 19 of line 2.
    private const string MissingComma = "{\"stages\": [{\"tasks\": [\n  {\"task\": \"ädd\" \"operations\": []}]}]}";

    [Fact]
    public void A_syntax_error_names_one_position_its_line_and_column_in_characters_from_1()
    {
        var error = Assert.Throws<PipelineFormatException>(() => Pipeline.FromJson(MissingComma));

        Assert.StartsWith("malformed pipeline JSON at line 2, column 18: ", error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
        Assert.DoesNotContain("BytePosition", error.Message);
        Assert.DoesNotContain("position", error.Message);
    }

    [Fact]
    public void A_syntax_error_in_a_file_names_the_file_before_its_position()
    {
        var error = Assert.Throws<PipelineFormatException>(() => Pipeline.FromJson(MissingComma, "pipelines/dev.json"));

        Assert.StartsWith("malformed pipeline JSON in pipelines/dev.json at line 2, column 18: ", error.Message);
    }
}
