using SkiaSharp;
using Xunit;

namespace Rtl.Tests.Plotting;

/// <summary>A decoded PNG and the pixel questions the plot tests ask of it.</summary>
public sealed class PngPixels : IDisposable
{
    private readonly SKBitmap bitmap;

    public PngPixels(string file)
    {
        Assert.True(File.Exists(file), $"{file} was not written");
        bitmap = SKBitmap.Decode(file) ?? throw new Xunit.Sdk.XunitException($"{file} is not a decodable image");
    }

    public int Width => bitmap.Width;

    public int Height => bitmap.Height;

    /// <summary>Pixels within <paramref name="tolerance"/> (per channel) of <paramref name="colour"/>, inside a region.</summary>
    public int Count(SKColor colour, int tolerance = 10, SKRectI? region = null)
    {
        var r = region ?? new SKRectI(0, 0, Width, Height);
        var count = 0;
        for (var y = r.Top; y < r.Bottom; y++)
        {
            for (var x = r.Left; x < r.Right; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (Math.Abs(p.Red - colour.Red) <= tolerance && Math.Abs(p.Green - colour.Green) <= tolerance
                    && Math.Abs(p.Blue - colour.Blue) <= tolerance)
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Dark pixels (text and axes are drawn in black) inside a region.</summary>
    public int Dark(SKRectI region) => Count(new SKColor(0, 0, 0), tolerance: 90, region);

    /// <summary>What a colour drawn with <paramref name="alpha"/> over white looks like.</summary>
    public static SKColor OverWhite(SKColor colour, byte alpha)
    {
        byte Blend(byte c) => (byte)Math.Round((c * alpha + 255 * (255 - alpha)) / 255.0);
        return new SKColor(Blend(colour.Red), Blend(colour.Green), Blend(colour.Blue));
    }

    public void Dispose() => bitmap.Dispose();
}
