using OxyPlot;

namespace Rtl.Grains.Plotting;

/// <summary>Ten colours that stay apart from each other, and a grey for "other".</summary>
internal static class PlotPalette
{
    private static readonly OxyColor[] Colours =
    [
        OxyColor.FromRgb(0x1f, 0x77, 0xb4), OxyColor.FromRgb(0xff, 0x7f, 0x0e), OxyColor.FromRgb(0x2c, 0xa0, 0x2c),
        OxyColor.FromRgb(0xd6, 0x27, 0x28), OxyColor.FromRgb(0x94, 0x67, 0xbd), OxyColor.FromRgb(0x8c, 0x56, 0x4b),
        OxyColor.FromRgb(0xe3, 0x77, 0xc2), OxyColor.FromRgb(0xbc, 0xbd, 0x22), OxyColor.FromRgb(0x17, 0xbe, 0xcf),
        OxyColor.FromRgb(0x39, 0x3b, 0x79),
    ];

    public static OxyColor Other { get; } = OxyColor.FromRgb(0x9e, 0x9e, 0x9e);

    public static OxyColor At(int index) => Colours[index % Colours.Length];
}
