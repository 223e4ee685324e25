using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;
using Rtl.Data;

namespace Rtl.Grains.Plotting;

/// <summary>Turns a plot definition and a table into an OxyPlot model: title, titled axes, layers, legend.</summary>
internal static class PlotModelBuilder
{
    public static PlotModel Build(PlotDefinition plot, Table table, string fontFamily)
    {
        var model = new PlotModel
        {
            Title = plot.Name,
            DefaultFont = fontFamily,
            Background = OxyColors.White,
            PlotAreaBorderColor = OxyColors.Gray,
        };
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = plot.XTitle, MajorGridlineStyle = LineStyle.Dot });
        model.Axes.Add(plot.Scale == PlotScale.Log
            ? new LogarithmicAxis { Position = AxisPosition.Left, Title = plot.YTitle, MajorGridlineStyle = LineStyle.Dot }
            : new LinearAxis { Position = AxisPosition.Left, Title = plot.YTitle, MajorGridlineStyle = LineStyle.Dot });

        var colour = 0;
        foreach (var layer in plot.Layers)
        {
            foreach (var series in Layer(layer, table, plot.Layers.Count > 1, ref colour))
            {
                model.Series.Add(series);
            }
        }

        if (model.Series.Any(s => !string.IsNullOrEmpty(s.Title)))
        {
            model.Legends.Add(new Legend
            {
                LegendTitle = plot.Layers.Select(l => l.Series).FirstOrDefault(s => s is not null),
                LegendPosition = LegendPosition.RightTop,
                LegendPlacement = LegendPlacement.Outside,
                LegendBorder = OxyColors.LightGray,
            });
        }

        return model;
    }

    private static List<Series> Layer(PlotLayer layer, Table table, bool several, ref int colour)
    {
        var x = table[layer.X].AsDoubles().ToArray();
        if (layer.Kind == PlotKind.Histogram)
        {
            return [Histograms.Series(x, layer.Bins, PlotPalette.At(colour++), several ? layer.X : null)];
        }

        var y = table[layer.Y!].AsDoubles().ToArray();
        if (layer.Series is null)
        {
            var all = Enumerable.Range(0, x.Length).ToArray();
            return [Draw(layer, x, y, all, PlotPalette.At(colour++), several ? $"{layer.Y} vs {layer.X}" : null)];
        }

        var drawn = new List<Series>();
        foreach (var group in SeriesGroups.Split(table[layer.Series]))
        {
            var isOther = group.Label.StartsWith(SeriesGroups.Other, StringComparison.Ordinal);
            drawn.Add(Draw(layer, x, y, group.Rows, isOther ? PlotPalette.Other : PlotPalette.At(colour++), group.Label));
        }

        return drawn;
    }

    private static Series Draw(PlotLayer layer, double[] x, double[] y, int[] rows, OxyColor colour, string? title)
    {
        if (layer.Kind == PlotKind.Line)
        {
            var line = new LineSeries { Color = colour, StrokeThickness = 1.5, Title = title };
            // A line reads left to right: draw it in ascending x, whatever the row order.
            foreach (var row in rows.OrderBy(r => x[r]))
            {
                line.Points.Add(new DataPoint(x[row], y[row]));
            }

            return line;
        }

        var scatter = new ScatterSeries
        {
            MarkerType = MarkerType.Circle,
            MarkerSize = rows.Length > 5_000 ? 1.5 : 3,
            MarkerFill = OxyColor.FromAColor(200, colour),
            MarkerStrokeThickness = 0,
            Title = title,
        };
        foreach (var row in rows)
        {
            scatter.Points.Add(new ScatterPoint(x[row], y[row]));
        }

        return scatter;
    }
}
