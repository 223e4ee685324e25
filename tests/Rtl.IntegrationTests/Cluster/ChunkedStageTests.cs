using Rtl.Data;
using Rtl.Pipelines;
using Xunit;

namespace Rtl.IntegrationTests.Cluster;

[Collection(ChunkedClusterCollection.Name)]
public sealed class ChunkedStageTests(ChunkedClusterFixture fixture)
{
    private static readonly Pipeline Pipeline = Pipeline.Builder()
        .Stage(s => s
            .Task("add", new { operations = new[] { new { a = "x", b = "y", column = "s" } } })
            .Task("filter", new object[] { new { operations = new object[] { new { column = "s", method = "gt", value = 0.25 }, new { column = "y", method = "ne", value = 3 } } } }[0])
            .Task("multiply", new { operations = new[] { new { a = "s", b = 3, column = "m" } } })
            .Task("cross_max", new { operations = new[] { new { columns = new[] { "x", "m" }, column = "top" } } }))
        .Stage(s => s.Task("average", new { operations = new[] { new { a = "m", column = "mean" } } }))
        .Build();

    [Fact]
    public async Task A_5_000_000_row_job_split_over_three_silos_gives_exactly_the_whole_stage_result()
    {
        const int rows = 5_000_000;
        var random = new Random(11);
        var x = new double[rows];
        var y = new long[rows];
        for (var i = 0; i < rows; i++)
        {
            x[i] = random.NextDouble();
            y[i] = random.Next(0, 5);
        }

        var input = Table.Create(("x", Column.Of(x)), ("y", Column.Of(y)));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await fixture.Cluster.Client.GetGrain<IPipelineGrain>(IPipelineGrain.Local).Run(Guid.NewGuid(), Pipeline, input, null);
        Assert.Null(result.Error);
        Console.WriteLine($"chunked job: {clock.Elapsed.TotalMilliseconds:F0} ms; stage 0 {result.Stages[0].Milliseconds:F0} ms on {result.Stages[0].Silo}");

        var chunked = result.Stages[0];
        Assert.Equal(5, chunked.Chunks);
        Assert.True(chunked.Silo.Split(',').Length > 1, $"chunks ran on {chunked.Silo}");
        Assert.Equal(1, result.Stages[1].Chunks);

        var expected = WholeStage.Run(Pipeline, input);
        var actual = result.Table!;
        Assert.Equal(expected.Names, actual.Names);
        Assert.Equal(expected.RowCount, actual.RowCount);
        for (var c = 0; c < expected.ColumnCount; c++)
        {
            Assert.True(expected[c].Bytes.SequenceEqual(actual[c].Bytes), $"column {expected.Names[c]} differs");
        }

        var filtered = chunked.Tasks[1].Notes.Select(n => n.Value).ToArray();
        Assert.Equal(2, filtered.Length);
        Assert.Equal($"({actual.RowCount},)", filtered[1]);
    }
}
