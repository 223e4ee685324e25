using Rtl.Client;
using Rtl.Data;
using Rtl.Jobs;
using Rtl.Pipelines;
using Xunit;

namespace Rtl.IntegrationTests.BadInput;

/// <summary>Bad pipelines through the SDK and the CLI: each error names its place, and the silo keeps working.</summary>
public sealed class PipelineBadInputTests(BadInputSilo silo) : IClassFixture<BadInputSilo>
{
    private static readonly Table Readings = Table.Create(("x", Column.Of(1.0, 2.0)), ("n", Column.Of(1L, 2L)));

    [Fact]
    public async Task Malformed_json_names_one_position_its_line_and_column_and_the_file()
    {
        silo.Write("malformed.json", "{\"stages\": [{\"tasks\": [\n  {\"task\": \"add\" \"operations\": []}]}]}");

        var sdk = Assert.Throws<PipelineFormatException>(() => Pipeline.FromJson(File.ReadAllText(Path.Combine(silo.Files, "malformed.json"))));
        var cli = await silo.CliFailsWith("run", "malformed.json");
        var stored = await silo.CliFailsWith("pipeline", "add", "broken", "malformed.json");

        Assert.StartsWith("malformed pipeline JSON at line 2, column 18: ", sdk.Message);
        Assert.Contains("malformed pipeline JSON in malformed.json at line 2, column 18: ", cli);
        Assert.Contains("malformed pipeline JSON in malformed.json at line 2, column 18: ", stored);
        Assert.All(new[] { sdk.Message, cli, stored }, m => Assert.DoesNotContain("BytePositionInLine", m));
        await silo.NextGoodJobSucceeds();
    }

    [Fact]
    public async Task An_unknown_task_is_named_with_its_stage_and_a_suggestion()
    {
        silo.Write("unknown.json", """{"stages": [{"tasks": [{"task": "ad", "operations": []}]}]}""");

        var sdk = await silo.FailsWith(Pipeline.Builder().Stage(s => s.Task("frobnicate")).Build(), Readings);
        var cli = await silo.CliFailsWith("run", "unknown.json");

        Assert.Contains("stage 0", sdk);
        Assert.Contains("unknown task 'frobnicate'", sdk);
        Assert.Contains("stage 0", cli);
        Assert.Contains("'ad'", cli);
        Assert.Contains("add", cli); // did you mean
        await silo.NextGoodJobSucceeds();
    }

    [Fact]
    public async Task A_missing_argument_is_named_with_its_stage_and_task()
    {
        silo.Write("missing-argument.json", """{"stages": [{"tasks": [{"task": "add", "operations": [{"a": "x", "column": "y"}]}]}]}""");

        var sdk = await silo.FailsWith(Pipeline.Builder().Stage(s => s.Task("add")).Build(), Readings);
        var cli = await silo.CliFailsWith("run", "missing-argument.json", "--input", WriteReadingsCsv());

        Assert.Contains("stage 0, task 'add'", sdk);
        Assert.Contains("operations", sdk);
        Assert.Contains("stage 0, task 'add', operations[0].b", cli);
        await silo.NextGoodJobSucceeds();
    }

    [Fact]
    public async Task A_wrong_type_argument_is_named_with_its_path()
    {
        silo.Write("wrong-type.json", """{"stages": [{"tasks": [{"task": "filter", "operations": [{"column": "x", "method": "gt", "value": "high"}]}]}]}""");

        var sdk = await silo.FailsWith(
            Pipeline.Builder().Stage(s => s.Task("add", new { operations = new[] { new { a = "x", b = new[] { 1 }, column = "y" } } })).Build(), Readings);
        var cli = await silo.CliFailsWith("run", "wrong-type.json", "--input", WriteReadingsCsv());

        Assert.Contains("stage 0, task 'add', operations[0].b", sdk);
        Assert.Contains("stage 0, task 'filter', operations[0].value", cli);
        await silo.NextGoodJobSucceeds();
    }

    [Fact]
    public async Task A_missing_column_is_named_with_the_columns_there_are()
    {
        silo.Write("missing-column.json", """{"0": {"tasks": {"task_add": {"operations": [{"a": "x", "b": "temperature", "column": "y"}]}}}}""");

        var sdk = await silo.FailsWith(
            Pipeline.Builder().Stage(s => s.Task("multiply", new { operations = new[] { new { a = "nope", b = 2, column = "y" } } })).Build(), Readings);
        var cli = await silo.CliFailsWith("run", "missing-column.json", "--input", WriteReadingsCsv());

        Assert.Contains("stage 0, task 'multiply', operations[0].a", sdk);
        Assert.Contains("'nope'", sdk);
        Assert.Contains("stage 0, task 'task_add', operations[0].b", cli);
        Assert.Contains("'temperature'", cli);
        Assert.Contains("x", cli);
        await silo.NextGoodJobSucceeds();
    }

    [Fact]
    public async Task A_failed_job_carries_its_error_record_kind_stage_task_and_argument()
    {
        var pipeline = Pipeline.Builder()
            .Stage(s => s.Task("null"))
            .Stage(s => s.Task("multiply", new { operations = new[] { new { a = "nope", b = 2, column = "y" } } })).Build();

        var error = await Assert.ThrowsAsync<RtlJobException>(() => silo.Client.RunAsync(pipeline, Readings));
        var refusal = await silo.Client.CheckAsync(pipeline, Readings);

        var failure = error.Result.Failure!;
        Assert.Equal((RtlErrorKind.Argument, 1, "multiply", "operations[0].a"), (failure.Kind, failure.Stage, failure.Task, failure.Argument));
        Assert.StartsWith("column 'nope' not found", failure.Message);
        Assert.Equal(failure.ToString(), error.Message);
        Assert.Equal(failure, refusal);
        await silo.NextGoodJobSucceeds();
    }

    private string WriteReadingsCsv() => silo.Write("readings.csv", "x,n\n1.5,1\n2.5,2\n");
}
