using System.Diagnostics;
using Rtl.Data;
using Rtl.Pipelines;
using Xunit;
using Xunit.Abstractions;

namespace Rtl.IntegrationTests.Cluster;

/// <summary>
/// Stages ending in a two-phase task (group_by, average) chunked over three silos against the same kernels run on
/// the whole table: keys, count, min, max, first and last equal bit for bit, sums within 1e-12 relative.
/// </summary>
[Collection(ChunkedClusterCollection.Name)]
public sealed class ChunkedAggregateTests(ChunkedClusterFixture fixture, ITestOutputHelper output)
{
    private const int Rows = 5_000_000;

    private static readonly string[] Exact = ["sensor", "count", "min", "max", "first", "last"];

    private static readonly Pipeline GroupBy = Pipeline.Builder()
        .Stage(s => s
            .Task("add", new { operations = new[] { new { a = "temperature", b = 273.15, column = "kelvin" } } })
            .Task("group_by", new
            {
                keys = new[] { "sensor" },
                aggregations = new object[]
                {
                    new { a = "kelvin", op = "count", column = "count" }, new { a = "kelvin", op = "sum", column = "sum" },
                    new { a = "kelvin", op = "mean", column = "mean" }, new { a = "kelvin", op = "min", column = "min" },
                    new { a = "kelvin", op = "max", column = "max" }, new { a = "kelvin", op = "std", column = "std", ddof = 1 },
                    new { a = "kelvin", op = "var", column = "var" }, new { a = "kelvin", op = "first", column = "first" },
                    new { a = "kelvin", op = "last", column = "last" },
                },
            }))
        .Build();

    private static readonly Pipeline Average = Pipeline.Builder()
        .Stage(s => s
            .Task("multiply", new { operations = new[] { new { a = "sensor", b = 1.8, column = "f" } } })
            .Task("average", new { operations = new[] { new { a = "f", column = "mean" }, new { a = "sensor", column = "sensors" } } }))
        .Build();

    [Fact]
    public async Task A_5_000_000_row_stage_ending_in_group_by_over_three_silos_gives_the_whole_stage_result()
    {
        var input = Readings();
        var (result, whole) = await RunBothWays(GroupBy, input);

        Assert.Equal(1_000, result.RowCount);
        Assert.Equal(whole.Names, result.Names);
        foreach (var name in whole.Names)
        {
            if (Exact.Contains(name))
            {
                Assert.True(whole[name].Bytes.SequenceEqual(result[name].Bytes), $"column {name} differs");
            }
            else
            {
                AssertClose(whole[name].AsDoubles(), result[name].AsDoubles(), name);
            }
        }
    }

    [Fact]
    public async Task A_5_000_000_row_stage_ending_in_average_over_three_silos_gives_the_whole_stage_result()
    {
        var input = Readings();
        var (result, whole) = await RunBothWays(Average, input);

        Assert.Equal(Rows, result.RowCount);
        Assert.True(whole["f"].Bytes.SequenceEqual(result["f"].Bytes));
        AssertClose(whole["mean"].AsDoubles(), result["mean"].AsDoubles(), "mean");
        AssertClose(whole["sensors"].AsDoubles(), result["sensors"].AsDoubles(), "sensors");
    }

    /// <summary>5,000,000 readings of 1,000 sensors (<c>&lt;i8</c>), temperatures with a NaN now and then.</summary>
    private static Table Readings()
    {
        var random = new Random(17);
        var sensor = new long[Rows];
        var temperature = new double[Rows];
        for (var i = 0; i < Rows; i++)
        {
            sensor[i] = random.Next(1_000);
            temperature[i] = random.Next(500) == 0 ? double.NaN : 15 + (random.NextDouble() * 10);
        }

        return Table.Create(("sensor", Column.Of(sensor)), ("temperature", Column.Of(temperature)));
    }

    private async Task<(Table Chunked, Table Whole)> RunBothWays(Pipeline pipeline, Table input)
    {
        var clock = Stopwatch.StartNew();
        var result = await fixture.Cluster.Client.GetGrain<IPipelineGrain>(IPipelineGrain.Local).Run(Guid.NewGuid(), pipeline, input, null);
        Assert.Null(result.Error);
        var stage = result.Stages[0];
        output.WriteLine($"chunked: {clock.Elapsed.TotalMilliseconds:F0} ms, stage {stage.Milliseconds:F0} ms, {stage.Chunks} chunks on {stage.Silo}");
        Assert.Equal(5, stage.Chunks);
        Assert.True(stage.Silo.Split(',').Length > 1, $"chunks ran on {stage.Silo}");
        Assert.Equal(result.Table!.RowCount, stage.Tasks[^1].Rows);

        clock.Restart();
        var whole = WholeStage.Run(pipeline, input);
        output.WriteLine($"whole, in the test: {clock.Elapsed.TotalMilliseconds:F0} ms");
        return (result.Table!, whole);
    }

    private static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string name)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var close = double.IsNaN(expected[i]) ? double.IsNaN(actual[i]) : Math.Abs(expected[i] - actual[i]) <= 1e-12 * Math.Abs(expected[i]);
            Assert.True(close, $"{name}[{i}]: whole {expected[i]:R}, chunked {actual[i]:R}");
        }
    }
}
