using OxyPlot;
using OxyPlot.Series;

namespace Rtl.Grains.Plotting;

/// <summary>Equal-width bins over the finite values of a column, drawn as bars whose height is the row count.</summary>
internal static class Histograms
{
    /// <summary>The count of finite values per bin over [min, max]; the last bin includes max.</summary>
    public static (double Min, double Width, int[] Counts) Count(ReadOnlySpan<double> values, int bins)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                (min, max) = (Math.Min(min, v), Math.Max(max, v));
            }
        }

        if (min > max)
        {
            return (0, 1, new int[bins]);
        }

        var width = max > min ? (max - min) / bins : 1;
        if (max == min)
        {
            min -= width * bins / 2; // one value: centre it in the middle bin
        }

        var counts = new int[bins];
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                counts[Math.Clamp((int)((v - min) / width), 0, bins - 1)]++;
            }
        }

        return (min, width, counts);
    }

    public static HistogramSeries Series(ReadOnlySpan<double> values, int bins, OxyColor colour, string? title)
    {
        var (min, width, counts) = Count(values, bins);
        var series = new HistogramSeries
        {
            FillColor = colour,
            StrokeColor = OxyColors.White,
            StrokeThickness = 0.5,
            Title = title,
        };
        for (var i = 0; i < counts.Length; i++)
        {
            var start = min + i * width;
            // OxyPlot draws a bar's height as area / width: give it count × width so the height is the count.
            series.Items.Add(new HistogramItem(start, start + width, counts[i] * width, counts[i]));
        }

        return series;
    }
}
