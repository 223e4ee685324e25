using Rtl.Client;
using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.IntegrationTests.Postgres;
using Rtl.Jobs;
using Rtl.Pipelines;
using Xunit;

namespace Rtl.IntegrationTests.Cluster;

/// <summary>
/// Projection through a real silo: a grouped pipeline over a wide <c>.dat</c> opens only the columns it reads, so a
/// file twice the silo's memory budget runs where reading it whole is refused; a mistyped column still lists them all.
/// </summary>
public sealed class ProjectionTests : IAsyncLifetime
{
    private const int Rows = 100_000;
    private const int Values = 60;

    // The whole file is 48.8 MB, over this budget; the two columns a grouped mean reads (1.6 MB) and the most its
    // groups may need (~17 MB) are not.
    private readonly RtlSilos silos = new(o => (o.MemoryBudget, o.SiloName) = (32L << 20, "pi-1"));

    public async Task InitializeAsync()
    {
        Write("wide", Rows);
        Write("narrow", 1_000);
        await silos.StartSiloAsync();
    }

    public async Task DisposeAsync() => await silos.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("pi-1")]
    public async Task A_grouped_mean_reads_two_of_the_files_columns_and_fits_the_budget(string? pinned)
    {
        await using var client = await silos.ConnectAsync();

        var result = await client.RunAsync(Pipeline.Builder()
            .Stage(s => (pinned is null ? s : s.On(pinned)).Task("open_array", new { path = ".", filename = "wide", extension = "dat" }))
            .Stage(s => s.Task("group_by", new { keys = new[] { "sensor" }, aggregations = new[] { new { a = "c7", op = "mean", column = "meanC7" } } }))
            .Build());

        Assert.Equal("wide.dat (100,000 rows x 2 of 61 columns)", Assert.Single(result.Stages[0].Tasks[0].Notes).Value);
        Assert.Equal(["sensor", "meanC7"], result.Table!.Names);
        var means = result.Table["meanC7"].AsDoubles().ToArray();
        var sensors = result.Table["sensor"].AsDoubles().ToArray();
        Assert.Equal(10, sensors.Length);
        for (var g = 0; g < sensors.Length; g++)
        {
            Assert.Equal(ExpectedMean((int)sensors[g], column: 7), means[g], precision: 9);
        }
    }

    [Fact]
    public async Task Read_whole_the_same_file_is_over_the_budget()
    {
        await using var client = await silos.ConnectAsync();

        var error = await Assert.ThrowsAsync<RtlJobException>(() => client.RunAsync(Pipeline.Builder()
            .Stage(s => s.Task("open_array", new { path = ".", filename = "wide", extension = "dat" }))
            .Stage(s => s.Task("average", new { operations = new[] { new { a = "c7", column = "avg" } } }))
            .Build()));

        Assert.Equal(RtlErrorKind.Limit, error.Result.Failure!.Kind);
        Assert.Contains("memory budget", error.Message);
    }

    [Fact]
    public async Task A_mistyped_key_is_reported_with_every_column_of_the_file()
    {
        await using var client = await silos.ConnectAsync();

        var error = await Assert.ThrowsAsync<RtlJobException>(() => client.RunAsync(Pipeline.Builder()
            .Stage(s => s.Task("open_array", new { path = ".", filename = "narrow", extension = "dat" }))
            .Stage(s => s.Task("group_by", new { keys = new[] { "sensr" }, aggregations = new[] { new { a = "c7", op = "mean", column = "m" } } }))
            .Build()));

        Assert.Contains("stage 1, task 'group_by', keys[0]: column 'sensr' not found (columns: sensor, c0, c1, c2,", error.Message);
        Assert.Contains("c59)", error.Message);
    }

    /// <summary>Rows i of sensor i % 10; column cJ holds i * 0.5 + J.</summary>
    private void Write(string name, int rows)
    {
        var columns = new List<(string, Column)> { ("sensor", Column.Of(Enumerable.Range(0, rows).Select(i => (long)(i % 10)).ToArray())) };
        columns.AddRange(Enumerable.Range(0, Values).Select(j => ($"c{j}", (Column)Column.Of(Enumerable.Range(0, rows).Select(i => (i * 0.5) + j).ToArray()))));
        TableFiles.Write(Path.Combine(silos.Files, name + ".dat"), Table.Create([.. columns]));
    }

    private static double ExpectedMean(int sensor, int column)
    {
        double sum = 0;
        var count = 0;
        for (var i = sensor; i < Rows; i += 10)
        {
            sum += (i * 0.5) + column;
            count++;
        }

        return sum / count;
    }
}
