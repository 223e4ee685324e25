using SkiaSharp;

namespace Rtl.Grains.Plotting;

/// <summary>
/// Picks the font family plots are drawn with. OxyPlot's default ("Segoe UI") is absent on Linux and falls
/// back unpredictably, so plots ask for DejaVu Sans by name; with no usable font at all Skia either throws
/// or writes a PNG without any text, so that case fails the task with what to install.
/// </summary>
public static class PlotFonts
{
    public const string Preferred = "DejaVu Sans";

    public const string Missing =
        "no font is installed to draw the plot's title and axes: install fontconfig and a font " +
        "(Debian/Raspberry Pi OS: apt-get install libfontconfig1 fonts-dejavu-core)";

    private static readonly Lazy<string?> Found = new(() => Choose(InstalledFamilies(), HasLetters));

    /// <summary>The family to draw with; throws <see cref="PlotFontException"/> when there is none.</summary>
    public static string Family => Found.Value ?? throw new PlotFontException(Missing);

    /// <summary>DejaVu Sans if it draws letters, else the first installed family that does, else null.</summary>
    public static string? Choose(IEnumerable<string> installed, Func<string, bool> drawsLetters)
    {
        var families = installed.ToArray();
        if (families.Contains(Preferred, StringComparer.OrdinalIgnoreCase) && drawsLetters(Preferred))
        {
            return Preferred;
        }

        return families.Order(StringComparer.Ordinal).FirstOrDefault(drawsLetters);
    }

    private static IEnumerable<string> InstalledFamilies() => SKFontManager.Default.FontFamilies;

    /// <summary>The family resolves to a real typeface with glyphs for plain letters and digits.</summary>
    private static bool HasLetters(string family)
    {
        using var typeface = SKFontManager.Default.MatchFamily(family);
        if (typeface is null || typeface.GlyphCount == 0)
        {
            return false;
        }

        return typeface.GetGlyphs("Ag0").All(glyph => glyph != 0);
    }
}
