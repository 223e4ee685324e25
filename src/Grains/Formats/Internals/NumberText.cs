using System.Globalization;

namespace Rtl.Formats;

/// <summary>
/// Numbers in delimited text the way numpy reads and writes them: invariant culture, no thousands
/// separators, <c>nan</c>/<c>inf</c>/<c>-inf</c> for the non-finite floats.
/// </summary>
internal static class NumberText
{
    private const NumberStyles Integer =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static bool TryParse(ReadOnlySpan<char> text, out long value) => long.TryParse(text, Integer, Invariant, out value);

    public static bool TryParse(ReadOnlySpan<char> text, out int value) => int.TryParse(text, Integer, Invariant, out value);

    public static bool TryParse(ReadOnlySpan<char> text, out byte value) => byte.TryParse(text, Integer, Invariant, out value);

    public static bool TryParse(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, Invariant, out value) || TryParseInfinity(text, out value);

    public static bool TryParse(ReadOnlySpan<char> text, out float value)
    {
        if (float.TryParse(text, NumberStyles.Float, Invariant, out value))
        {
            return true;
        }

        var parsed = TryParseInfinity(text, out var wide);
        value = (float)wide;
        return parsed;
    }

    /// <summary>Python's spellings and numpy's 0/1.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out bool value)
    {
        var word = text.Trim();
        value = word is "1" or "True" or "true" or "TRUE";
        return value || word is "0" or "False" or "false" or "FALSE";
    }

    /// <summary>Shortest text that reads back to the same double, always recognisable as a float (<c>1.0</c>, not <c>1</c>).</summary>
    public static int Format(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
        {
            return NonFinite(double.IsNaN(value), value < 0, destination);
        }

        value.TryFormat(destination, out var written, default, Invariant);
        return MarkFloat(destination, written);
    }

    public static int Format(float value, Span<byte> destination)
    {
        if (!float.IsFinite(value))
        {
            return NonFinite(float.IsNaN(value), value < 0, destination);
        }

        value.TryFormat(destination, out var written, default, Invariant);
        return MarkFloat(destination, written);
    }

    // .NET accepts "Infinity" and "NaN" in any case but not Python's "inf".
    private static bool TryParseInfinity(ReadOnlySpan<char> text, out double value)
    {
        var word = text.Trim();
        var negative = word.StartsWith('-');
        if (negative || word.StartsWith('+'))
        {
            word = word[1..];
        }

        var infinite = word.Equals("inf", StringComparison.OrdinalIgnoreCase);
        value = !infinite ? 0 : negative ? double.NegativeInfinity : double.PositiveInfinity;
        return infinite;
    }

    private static int NonFinite(bool nan, bool negative, Span<byte> destination)
    {
        ReadOnlySpan<byte> text = nan ? "nan"u8 : negative ? "-inf"u8 : "inf"u8;
        text.CopyTo(destination);
        return text.Length;
    }

    // Without the ".0", a float column of whole numbers would read back as integers.
    private static int MarkFloat(Span<byte> destination, int written)
    {
        if (destination[..written].IndexOfAny(".Ee"u8) >= 0)
        {
            return written;
        }

        ".0"u8.CopyTo(destination[written..]);
        return written + 2;
    }
}
