using System.Diagnostics;
using Rtl.Data;
using Rtl.Grains.Plotting;
using Rtl.Grains.Tasks;
using Rtl.Tasks;
using SkiaSharp;
using Xunit;
using Xunit.Abstractions;

namespace Rtl.Tests.Plotting;

public sealed class SimplePlotTaskTests(ITestOutputHelper output) : IDisposable
{
    private static readonly SKColor First = new(0x1f, 0x77, 0xb4);
    private static readonly SKColor Second = new(0xff, 0x7f, 0x0e);
    private static readonly SKColor Third = new(0x2c, 0xa0, 0x2c);

    private readonly PlotEnvironment environment = new();
    private readonly SimplePlotTask task = new();

    [Fact]
    public void A_scatter_with_a_series_writes_a_png_per_plot_with_title_axes_and_one_colour_per_value()
    {
        var rows = 600;
        var table = Table.Create(
            ("jobId", Column.Of(Enumerable.Range(0, rows).Select(i => (long)i).ToArray())),
            ("runTime", Column.Of(Enumerable.Range(0, rows).Select(i => Math.Sin(i / 30.0) * 100 + i / 3.0).ToArray())),
            ("dataset", Column.Of(Enumerable.Range(0, rows).Select(i => (long)(i % 3)).ToArray())));

        var result = Run("""{"plots": {"run time": [{"x": "jobId", "y": "runTime", "type": "circle", "scale": "linear", "series": "dataset"}]}}""", table);

        var file = Assert.Single(result.Files);
        Assert.Equal(Path.Combine(environment.DataDirectory, "plots", environment.JobId.ToString(), "run_time.png"), file);
        Assert.Same(table, result.Table);
        using var png = new PngPixels(file);
        Assert.Equal((PngRenderer.Width, PngRenderer.Height), (png.Width, png.Height));
        foreach (var colour in new[] { First, Second, Third })
        {
            Assert.True(png.Count(PngPixels.OverWhite(colour, 200), tolerance: 12) > 100, $"no points drawn in {colour}");
        }

        Assert.True(png.Dark(new SKRectI(300, 0, 700, 40)) > 100, "the title is not drawn (no dark pixels at the top centre)");
        Assert.True(png.Dark(new SKRectI(0, 150, 40, 450)) > 50, "the y axis title is not drawn");
        Assert.True(png.Dark(new SKRectI(200, 560, 800, 600)) > 50, "the x axis title is not drawn");
    }

    [Fact]
    public void A_line_plot_on_a_log_scale_and_a_histogram_render_their_own_files()
    {
        var x = Enumerable.Range(1, 500).Select(i => (double)i).ToArray();
        var table = Table.Create(("x", Column.Of(x)), ("growth", Column.Of(x.Select(v => Math.Exp(v / 50)).ToArray())));

        var result = Run("""
            {"plots": {"growth": [{"x": "x", "y": "growth", "type": "line", "scale": "log"}],
                       "spread": [{"x": "growth", "type": "histogram", "bins": 10}]}}
            """, table);

        Assert.Equal(["growth.png", "spread.png"], result.Files.Select(Path.GetFileName));
        using (var line = new PngPixels(result.Files[0]))
        {
            Assert.True(line.Count(First, tolerance: 40) > 300, "the line is not drawn");
        }

        using var bars = new PngPixels(result.Files[1]);
        // Exponential growth piles most rows into the first bin: one tall solid bar.
        Assert.True(bars.Count(First, tolerance: 6) > 5_000, "the histogram's bars are not drawn");
        Assert.Contains(result.Notes, n => n.Key == "Plot" && n.Value.Contains("spread.png", StringComparison.Ordinal));
    }

    [Fact]
    public void A_histogram_counts_every_finite_value_once()
    {
        var (min, width, counts) = Histograms.Count([1, 2, 2, 3, 4, double.NaN, 5], bins: 4);

        Assert.Equal((1.0, 1.0), (min, width));
        Assert.Equal([1, 2, 1, 2], counts);
    }

    [Fact]
    public void Many_series_values_keep_the_most_frequent_and_fold_the_rest_into_other()
    {
        var values = Enumerable.Range(0, 1000).Select(i => (long)(i < 500 ? i % 5 : i % 25)).ToArray();

        var groups = SeriesGroups.Split(Column.Of(values));

        Assert.Equal(SeriesGroups.MaxGroups, groups.Count);
        Assert.Equal("other (16 values)", groups[^1].Label);
        Assert.Equal(["0", "1", "2", "3", "4"], groups.Take(5).Select(g => g.Label));
        Assert.Equal(1000, groups.Sum(g => g.Rows.Length));
    }

    [Theory]
    [InlineData("""{"plots": {"p": [{"x": "a", "y": "nope"}]}}""", "plots.p[0].y: column 'nope' not found (columns: a, b)")]
    [InlineData("""{"plots": {"p": [{"x": "a", "y": "b", "type": "bar"}]}}""", "plots.p[0].type: unknown type 'bar' (expected one of: circle, line, histogram)")]
    [InlineData("""{"plots": {"p": [{"x": "a", "y": "b", "scale": "cubic"}]}}""", "plots.p[0].scale: unknown scale 'cubic' (expected one of: linear, log)")]
    [InlineData("""{"plots": {"p": [{"x": "a", "y": "b"}, {"x": "a", "y": "b", "scale": "log"}]}}""", "plots.p[1].scale: the layers of a plot share one y axis: 'log' differs from layer 0's 'linear'")]
    [InlineData("""{"plots": {"p": [{"x": "a", "type": "histogram", "series": "b"}]}}""", "plots.p[0].series: a histogram cannot be split by series")]
    [InlineData("""{"plots": {}}""", "plots: expected at least one plot: {\"name\": [{\"x\": ..., \"y\": ...}]}")]
    [InlineData("""{}""", "plots: required argument is missing")]
    public void Bad_arguments_are_refused_before_running_with_their_place(string json, string expected)
    {
        var schema = Table.Create(("a", Column.Of(1.0)), ("b", Column.Of(2.0))).Schema;

        var error = Assert.Throws<TaskArgumentException>(() => task.Plan(TaskArgs.Parse(json), schema, environment));

        Assert.Equal(expected, error.Located);
    }

    [Fact]
    public void Fonts_prefer_DejaVu_Sans_fall_back_to_any_family_that_draws_letters_and_fail_without_one()
    {
        Assert.Equal("DejaVu Sans", PlotFonts.Choose(["Liberation Sans", "DejaVu Sans"], _ => true));
        Assert.Equal("Liberation Sans", PlotFonts.Choose(["Liberation Sans", "Noto Emoji"], f => f != "Noto Emoji"));
        Assert.Null(PlotFonts.Choose([], _ => true));
        Assert.Equal("DejaVu Sans", PlotFonts.Family); // this machine has fonts-dejavu-core
    }

    [Fact]
    public void Plot_names_become_distinct_safe_file_names()
    {
        Assert.Equal(
            ["totalRuntime_-_totalBytesRead.png", "totalRuntime_conc_-_totalBytesRead_conc.png", "a_b.png", "a_b-2.png", "plot.png", "etc_passwd.png"],
            PlotFileNames.For(["totalRuntime - totalBytesRead", "totalRuntime(conc) - totalBytesRead(conc)", "a/b", "a b", "../", "../../etc/passwd"]));
    }

    [Fact]
    public void A_50000_point_scatter_renders_in_seconds_not_minutes()
    {
        var random = new Random(7);
        var table = Table.Create(
            ("x", Column.Of(Enumerable.Range(0, 50_000).Select(_ => random.NextDouble() * 1000).ToArray())),
            ("y", Column.Of(Enumerable.Range(0, 50_000).Select(_ => random.NextDouble() * 100).ToArray())),
            ("s", Column.Of(Enumerable.Range(0, 50_000).Select(_ => (long)random.Next(40)).ToArray())));
        Run("""{"plots": {"warm-up": [{"x": "x", "y": "y"}]}}""", table.Slice(0, 100));

        var clock = Stopwatch.StartNew();
        var result = Run("""{"plots": {"big": [{"x": "x", "y": "y", "series": "s"}]}}""", table);
        clock.Stop();

        output.WriteLine($"50,000-point scatter with 40 series values: {clock.Elapsed.TotalMilliseconds:F0} ms");
        using var png = new PngPixels(Assert.Single(result.Files));
        Assert.True(png.Count(PngPixels.OverWhite(PlotPalette.Other.ToSkia(), 200), tolerance: 12) > 1_000, "the 'other' points are not drawn grey");
        // ~0.15–1 s on an idle 2-core machine; the bound only catches a pathological slowdown on a busy one.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    private TaskOutput Run(string json, Table table)
    {
        var args = TaskArgs.Parse(json);
        Assert.Equal(table.Schema.ToString(), task.Plan(args, table.Schema, environment).ToString());
        return task.Run(args, table, environment);
    }

    public void Dispose() => environment.Dispose();
}

internal static class OxyColours
{
    public static SKColor ToSkia(this OxyPlot.OxyColor colour) => new(colour.R, colour.G, colour.B);
}
