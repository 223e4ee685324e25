using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Rtl.Data;
using Rtl.Pipelines;
using Xunit;

namespace Rtl.IntegrationTests.Cluster;

[Collection(TestClusterCollection.Name)]
public sealed class TwoSiloClusterTests(TestClusterFixture fixture)
{
    private static readonly Pipeline AddAndFilter = Pipeline.Builder()
        .Stage(s => s
            .Task("add", new { operations = new[] { new { a = "x", b = 1.5, column = "y" } } })
            .Task("filter", new { operations = new[] { new { column = "y", method = "gt", value = 2 } } }))
        .Stage(s => s.Task("multiply", new { operations = new[] { new { a = "y", b = "x", column = "z" } } }))
        .Build();

    [Fact]
    public async Task Every_task_runs_on_the_silo_of_its_stage()
    {
        var input = Table.Create(("x", Column.Of(0.0, 1, 2, 3)));
        for (var i = 0; i < 10; i++)
        {
            var result = await fixture.Cluster.Client.GetGrain<IPipelineGrain>(IPipelineGrain.Local).Run(Guid.NewGuid(), AddAndFilter, input, null);
            Assert.Null(result.Error);
            foreach (var stage in result.Stages)
            {
                Assert.All(stage.Tasks, task => Assert.Equal(stage.Silo, task.Silo));
            }
        }
    }

    [Fact]
    public async Task A_task_that_reads_a_column_its_Uses_leaves_out_still_gets_it_as_written()
    {
        var input = Table.Create(("k", Column.Of(1L, 1, 2)), ("a", Column.Of(1.0, 2, 3)), ("b", Column.Of(10.0, 20, 30)), ("unread", Column.Of(0.0, 0, 0)));
        var pipeline = Pipeline.Builder()
            .Stage(s => s
                .Task("short_uses")
                .Task("group_by", new { keys = new[] { "k" }, aggregations = new[] { new { a = "c", op = "sum", column = "total" } } }))
            .Build();

        var result = await fixture.Cluster.Client.GetGrain<IPipelineGrain>(IPipelineGrain.Local).Run(Guid.NewGuid(), pipeline, input, null);

        Assert.Null(result.Error);
        Assert.Equal([33.0, 33.0], result.Table!["total"].AsDoubles().ToArray());
    }

    [Fact]
    public async Task A_pipeline_returns_the_computed_table_with_timings()
    {
        var input = Table.Create(("x", Column.Of(0.0, 1, 2, 3)));
        var result = await fixture.Cluster.Client.GetGrain<IPipelineGrain>(IPipelineGrain.Local).Run(Guid.NewGuid(), AddAndFilter, input, null);
        Assert.Null(result.Error);
        var table = result.Table!;
        Assert.Equal(["x", "y", "z"], table.Names);
        Assert.Equal([1.0, 2, 3], ((Column<double>)table["x"]).Span.ToArray());
        Assert.Equal([2.5, 3.5, 4.5], ((Column<double>)table["y"]).Span.ToArray());
        Assert.Equal([2.5, 7, 13.5], ((Column<double>)table["z"]).Span.ToArray());
        Assert.Equal(2, result.Stages.Count);
        Assert.Equal(["add", "filter"], result.Stages[0].Tasks.Select(t => t.Task));
        Assert.Contains(result.Stages[0].Tasks[1].Notes, n => n.Key == "Filtered Results" && n.Value == "(3,)");
    }

    [Fact]
    public async Task A_failing_task_fails_the_job_with_its_place_and_no_table()
    {
        var pipeline = Pipeline.Builder()
            .Stage(s => s.Task("null"))
            .Stage(s => s.Task("add", new { operations = new[] { new { a = "x", b = "foo", column = "y" } } }))
            .Build();
        var input = Table.Create(("x", Column.Of(1.0)), ("a", Column.Of(1L)));
        var result = await fixture.Cluster.Client.GetGrain<IPipelineGrain>(IPipelineGrain.Local).Run(Guid.NewGuid(), pipeline, input, null);
        Assert.Null(result.Table);
        Assert.Equal("stage 1, task 'add', operations[0].b: column 'foo' not found (columns: x, a)", result.Error);
        Assert.Empty(result.Stages); // validation refused it before any stage ran
    }

    [Fact]
    public async Task An_unknown_task_names_the_close_ones()
    {
        var pipeline = Pipeline.FromJson("""{"0": {"tasks": {"task_ad": {}}}}""");
        var result = await fixture.Cluster.Client.GetGrain<IPipelineGrain>(IPipelineGrain.Local).Run(Guid.NewGuid(), pipeline, null, null);
        Assert.StartsWith("stage 0: unknown task 'task_ad' (did you mean: add", result.Error);
    }

    [Fact]
    public async Task A_15_MB_table_crosses_from_silo_to_silo_intact()
    {
        var silos = fixture.Cluster.Silos.Cast<InProcessSiloHandle>().ToArray();
        var sender = silos[0].ServiceProvider.GetRequiredService<IGrainFactory>().GetGrain<ITableProbeGrain>(1);
        var receiver = silos[1].ServiceProvider.GetRequiredService<IGrainFactory>().GetGrain<ITableProbeGrain>(2);
        var senderSilo = await sender.Silo();
        var receiverSilo = await receiver.Silo();
        Assert.NotEqual(senderSilo, receiverSilo);

        var rows = 15 * 1024 * 1024 / 16;
        var random = new Random(7);
        var doubles = new double[rows];
        var longs = new long[rows];
        for (var i = 0; i < rows; i++)
        {
            doubles[i] = random.NextDouble() * 1e6 - 5e5;
            longs[i] = random.NextInt64();
        }

        doubles[0] = double.NaN;
        doubles[1] = double.NegativeInfinity;
        var table = Table.Create(("d", Column.Of(doubles)), ("l", Column.Of(longs)));
        var receipt = await sender.SendTo(2, table);
        Assert.Equal(receiverSilo, receipt.Silo);
        Assert.Equal(TableProbeGrain.Checksum(table), receipt.Checksum);
    }
}
