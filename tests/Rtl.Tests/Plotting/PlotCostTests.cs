using Rtl.Data;
using Rtl.Grains.Plotting;
using Rtl.Grains.Tasks;
using Rtl.Tasks;
using Xunit;

namespace Rtl.Tests.Plotting;

/// <summary>
/// simple_plot's bound: per plot the 1000 × 600 image and its PNG (4,800,000 bytes); per drawn point 192 bytes (320
/// coloured by a series); per histogram x's copy (8 a row) and 96 bytes a bar; the task's bound is its largest plot's,
/// as plots are drawn one after another. At most 10,000,000 points a plot and 10,000 bars a histogram.
/// </summary>
public sealed class PlotCostTests : IDisposable
{
    private readonly PlotEnvironment environment = new();
    private readonly SimplePlotTask task = new();
    private static readonly TableSchema Schema = Table.Create(("x", Column.Of(1.0)), ("y", Column.Of(1.0)), ("s", Column.Of(1L))).Schema;

    [Theory]
    [InlineData("""{"p": [{"x": "x", "y": "y"}]}""", 1000 * 192 + 4_800_000)]
    [InlineData("""{"p": [{"x": "x", "y": "y", "series": "s", "type": "line"}]}""", 1000 * 320 + 4_800_000)]
    [InlineData("""{"p": [{"x": "x", "type": "histogram"}]}""", 1000 * 8 + 30 * 96 + 4_800_000)]
    [InlineData("""{"p": [{"x": "x", "y": "y"}, {"x": "x", "y": "s"}], "q": [{"x": "y", "type": "histogram", "bins": 200}]}""",
        2 * 1000 * 192 + 4_800_000)]
    [InlineData("""{"p": [{"x": "x", "y": "y"}], "q": [{"x": "x", "y": "y", "series": "s"}, {"x": "y", "type": "histogram", "bins": 200}]}""",
        1000 * 320 + 1000 * 8 + 200 * 96 + 4_800_000)]
    public void A_plot_states_its_bound_from_its_layers_and_rows(string plots, long bytes)
    {
        var cost = Cost(plots, 1000);

        Assert.Equal(bytes, cost.Bytes);
        Assert.Equal(1000, cost.Rows);
    }

    [Fact]
    public void More_points_than_a_plot_may_draw_is_an_error_naming_the_plot()
    {
        var error = Assert.Throws<TaskArgumentException>(() => Cost("""{"p": [{"x": "x", "y": "y"}, {"x": "x", "y": "s"}, {"x": "s", "type": "histogram"}]}""", 5_000_001));

        Assert.Equal("plots.p", error.Argument);
        Assert.Equal("10,000,002 points (5,000,001 rows × 2 layers) is over the limit of 10,000,000 points a plot; filter or sample the rows first", error.Message);
    }

    [Fact]
    public void A_histogram_of_many_rows_is_no_points_to_draw()
    {
        Assert.Equal(PlotCost.MaxPoints + 1, Cost("""{"p": [{"x": "x", "type": "histogram"}]}""", PlotCost.MaxPoints + 1).Rows);
    }

    [Fact]
    public void More_bars_than_an_image_can_show_is_an_error()
    {
        var error = Assert.Throws<TaskArgumentException>(() => Cost("""{"h": [{"x": "x", "type": "histogram", "bins": 10001}]}""", 3));

        Assert.Equal("plots.h[0].bins", error.Argument);
        Assert.Equal("expected an integer from 1 to 10,000, got 10001", error.Message);
    }

    [Fact]
    public void Drawing_each_plot_of_a_big_scatter_with_a_series_allocates_within_the_tasks_bound()
    {
        var rows = 50_000;
        var table = Table.Create(
            ("x", Column.Of(Enumerable.Range(0, rows).Select(i => (double)i).ToArray())),
            ("y", Column.Of(Enumerable.Range(0, rows).Select(i => Math.Sin(i / 100.0)).ToArray())),
            ("s", Column.Of(Enumerable.Range(0, rows).Select(i => (long)(i % 25)).ToArray())));
        const string scatter = """{"x": "x", "y": "y", "series": "s"}""";
        const string histogram = """{"x": "y", "type": "histogram", "bins": 500}""";
        var cost = task.Cost(TaskArgs.Parse($$$"""{"plots": {"p": [{{{scatter}}}], "h": [{{{histogram}}}]}}"""), TablePlan.Of(table), environment)!;

        // The task draws its plots one after another, each one garbage before the next: none may allocate more than the bound.
        foreach (var layer in (string[])[scatter, histogram])
        {
            var args = TaskArgs.Parse($$$"""{"plots": {"p": [{{{layer}}}]}}""");
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            task.Run(args, table, environment);
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

            Assert.True(allocated <= cost.Bytes, $"{layer}: allocated {allocated:N0}, stated {cost.Describe()}");
        }
    }

    private TaskCost Cost(string plots, long rows) =>
        task.Cost(TaskArgs.Parse($$"""{"plots": {{plots}}}"""), new TablePlan(Schema, rows), environment)!;

    public void Dispose() => environment.Dispose();
}
