using Rtl.Client;
using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.Pipelines;
using Xunit;

namespace Rtl.IntegrationTests.Plugins;

/// <summary>The sample plugin, built from examples/ and dropped in a real silo's plugins folder, runs like a built-in task.</summary>
public sealed class PluginTests(PluginSilo silo) : IClassFixture<PluginSilo>
{
    private static Pipeline Clamp(string a, double min, double max, string column) =>
        Pipeline.Builder().Stage(s => s.Task("clamp", new { operations = new[] { new { a, min, max, column } } })).Build();

    [Fact]
    public async Task Rtl_tasks_lists_the_plugin_tasks_marked_with_their_assembly_and_warns_about_the_broken_one()
    {
        var tasks = await silo.Rtl("tasks");
        Assert.True(tasks.ExitCode == 0, tasks.ToString());
        var mark = $"[plugin {SamplePlugin.Name}: {SamplePlugin.Name}/{SamplePlugin.Name}.dll]";
        Assert.Contains(tasks.Stdout.Split('\n'), l => l.StartsWith("clamp ", StringComparison.Ordinal) && l.Contains(mark));
        Assert.Contains(tasks.Stdout.Split('\n'), l => l.StartsWith("explode ", StringComparison.Ordinal) && l.Contains(mark));
        Assert.Contains(tasks.Stdout.Split('\n'), l => l.StartsWith("add ", StringComparison.Ordinal) && !l.Contains("[plugin"));
        Assert.Contains(silo.BrokenPlugin, tasks.Stderr);
    }

    [Fact]
    public async Task A_pipeline_with_the_plugins_clamp_and_a_built_in_task_runs_on_the_real_silo()
    {
        await using var client = await RtlClient.ConnectAsync(new RtlClientOptions { DataDir = silo.DataDir });
        var pipeline = Pipeline.Builder()
            .Stage(s => s
                .Task("clamp", new { operations = new[] { new { a = "t", min = 0.0, max = 30.0, column = "safe" } } })
                .Task("add", new { operations = new[] { new { a = "safe", b = 1, column = "next" } } }))
            .Build();
        var input = Table.Create(("t", Column.Of(-5.0, 12.5, 45.0, double.NaN)), ("id", Column.Of(1L, 2, 3, 4)));

        var result = await client.RunAsync(pipeline, input);

        var safe = result.Table!["safe"].AsDoubles().ToArray();
        Assert.Equal([0.0, 12.5, 30.0], safe[..3]);
        Assert.True(double.IsNaN(safe[3]));
        Assert.Equal([1.0, 13.5, 31.0], result.Table["next"].AsDoubles()[..3].ToArray());
        Assert.Equal(["clamp", "add"], result.Stages.Single().Tasks.Select(t => t.Task));
    }

    [Fact]
    public async Task The_plugins_declared_reads_let_a_grouped_pipeline_open_only_the_columns_read()
    {
        await using var client = await RtlClient.ConnectAsync(new RtlClientOptions { DataDir = silo.DataDir });
        TableFiles.Write(Path.Combine(silo.Files, "wide.dat"), Table.Create(
            ("k", Column.Of(1L, 1, 2)), ("t", Column.Of(-5.0, 12.5, 45.0)), ("unread", Column.Of(7.0, 8, 9)), ("other", Column.Of(0L, 0, 0))));
        var pipeline = Pipeline.Builder()
            .Stage(s => s
                .Task("open_array", new { path = ".", filename = "wide", extension = "dat" })
                .Task("clamp", new { operations = new[] { new { a = "t", min = 0.0, max = 30.0, column = "safe" } } })
                .Task("group_by", new { keys = new[] { "k" }, aggregations = new[] { new { a = "safe", op = "max", column = "top" } } }))
            .Build();

        var result = await client.RunAsync(pipeline);

        Assert.Equal("wide.dat (3 rows x 2 of 4 columns)", result.Stages[0].Tasks[0].Notes.Single().Value);
        Assert.Equal([12.5, 30.0], result.Table!["top"].AsDoubles().ToArray());
    }

    [Fact]
    public async Task A_throwing_plugin_fails_its_job_with_the_plugins_error_and_the_silo_keeps_serving()
    {
        await using var client = await RtlClient.ConnectAsync(new RtlClientOptions { DataDir = silo.DataDir });
        var input = Table.Create(("t", Column.Of(1.0, 99.0)));
        var explode = Pipeline.Builder()
            .Stage(s => s.Task("add", new { operations = new[] { new { a = "t", b = 1, column = "u" } } }))
            .Stage(s => s.Task("explode", new { message = "boom from the plugin" }))
            .Build();

        var failed = await Assert.ThrowsAsync<RtlJobException>(() => client.RunAsync(explode, input));
        Assert.Equal("stage 1, task 'explode': PluginFailureException: boom from the plugin", failed.Message);
        Assert.Null(failed.Result.Table);

        var after = await client.RunAsync(Clamp("t", 0, 10, "c"), input);
        Assert.Equal([1.0, 10.0], after.Table!["c"].AsDoubles().ToArray());
    }

    [Fact]
    public async Task Plugin_arguments_are_validated_before_the_job_runs()
    {
        await using var client = await RtlClient.ConnectAsync(new RtlClientOptions { DataDir = silo.DataDir });
        var failed = await Assert.ThrowsAsync<RtlJobException>(() => client.RunAsync(Clamp("t", 5, 1, "c"), Table.Create(("t", Column.Of(1.0)))));
        Assert.Equal("stage 0, task 'clamp', operations[0].max: max (1) is below min (5)", failed.Message);
    }

    [Fact]
    public async Task Rtl_run_prints_the_seed_lines_for_a_plugin_task()
    {
        await File.WriteAllTextAsync(Path.Combine(silo.Files, "in.csv"), "t\n-1\n5\n50\n");
        await File.WriteAllTextAsync(Path.Combine(silo.Files, "clamp.json"),
            """{"0": {"tasks": {"task_clamp": {"operations": [{"a": "t", "min": 0, "max": 10, "column": "c"}]}}}}""");
        var run = await silo.Rtl("run", "clamp.json", "--input", "in.csv", "--output", "out.csv");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Running: clamp", run.Stdout);
        Assert.Matches(@"Completed: \d+\.\d\d ms clamp", run.Stdout);
        Assert.Equal([0.0, 5, 10], TableFiles.Read(Path.Combine(silo.Files, "out.csv"))["c"].AsDoubles().ToArray());
    }

    [Fact]
    public async Task The_broken_plugin_is_a_warning_in_the_silo_log_naming_its_file()
    {
        // The silo started (the fixture), serves the sample's tasks, and said why it skipped the broken file.
        var log = await File.ReadAllTextAsync(silo.Log);
        Assert.Contains($"Plugin {silo.BrokenPlugin} skipped", log);
        Assert.DoesNotContain($"{SamplePlugin.Name}.dll skipped", log);
    }
}
