using OxyPlot;
using OxyPlot.SkiaSharp;

namespace Rtl.Grains.Plotting;

/// <summary>Renders a plot model to PNG bytes with SkiaSharp.</summary>
internal static class PngRenderer
{
    public const int Width = 1000;
    public const int Height = 600;

    public static byte[] Render(PlotModel model, int width = Width, int height = Height)
    {
        var exporter = new PngExporter { Width = width, Height = height, UseTextShaping = true };
        using var png = new MemoryStream();
        exporter.Export(model, png);
        return png.ToArray();
    }
}
