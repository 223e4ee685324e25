using System.Globalization;
using Rtl.Tasks;

namespace Rtl.Grains.Plotting;

/// <summary>
/// What drawing the plots of one <c>simple_plot</c> costs, from the rows it is given, and the limit on points: a
/// 1000 × 600 PNG shows nothing more past a few million, and each million takes seconds to draw.
/// </summary>
public static class PlotCost
{
    public const long MaxPoints = 10_000_000;

    /// <summary>
    /// A drawn point: x and y copied (16), its row number (4), the OxyPlot point in a list grown by doubling
    /// (40 × 3), its screen position once rendered (16), with room to spare.
    /// </summary>
    public const int PointBytes = 192;

    /// <summary>A point coloured by series: its row in a list per distinct value, and the dictionary that finds it.</summary>
    public const int SeriesPointBytes = 128;

    /// <summary>A histogram bar: its count and its OxyPlot item.</summary>
    public const int BinBytes = 96;

    /// <summary>The 1000 × 600 bitmap and its PNG.</summary>
    public const long ImageBytes = 2L * 1000 * 600 * 4;

    /// <summary>
    /// The largest plot's cost: plots are drawn one after another, and each one's points, model and bitmap are garbage
    /// once its PNG is written, so the plots of one task never need their memory at once. Every plot is checked.
    /// </summary>
    public static TaskCost Of(TaskArgs args, IReadOnlyList<PlotDefinition> plots, TablePlan input)
    {
        var largest = TaskCost.Of(input.Rows);
        foreach (var plot in plots)
        {
            var cost = OfPlot(args, plot, input);
            largest = cost.Bytes > largest.Bytes ? cost : largest;
        }

        return largest;
    }

    private static TaskCost OfPlot(TaskArgs args, PlotDefinition plot, TablePlan input)
    {
        var cost = TaskCost.Of(input.Rows);
        var at = $"{args.At("plots")}.{plot.Name}";
        var drawn = plot.Layers.Count(l => l.Kind != PlotKind.Histogram);
        var points = CostMath.Times(input.Rows, drawn);
        if (points > MaxPoints)
        {
            throw new TaskArgumentException(at, string.Create(CultureInfo.InvariantCulture,
                $"{points:N0} points ({input.Rows:N0} rows × {drawn} layer{(drawn == 1 ? "" : "s")}) is over the limit of {MaxPoints:N0} points a plot; filter or sample the rows first"));
        }

        cost = cost.PlusFixed(at, ImageBytes, "for the image");
        for (var i = 0; i < plot.Layers.Count; i++)
        {
            var layer = plot.Layers[i];
            var path = $"{at}[{i}]";
            cost = layer.Kind == PlotKind.Histogram
                ? cost.Plus(path, input.Rows, "rows", sizeof(double), "of x").Plus($"{path}.bins", layer.Bins, "bins", BinBytes)
                : cost.Plus(path, input.Rows, "points", PointBytes + (layer.Series is null ? 0 : SeriesPointBytes));
        }

        return cost;
    }
}
