using System.Globalization;

namespace Rtl.Grains.Formats.Internals;

/// <summary>
/// Numbers in delimited text the way numpy reads and writes them: invariant culture, no thousands
/// separators, <c>nan</c>/<c>inf</c>/<c>-inf</c> for the non-finite floats. An empty cell is a missing float
/// (NaN, as numpy.genfromtxt and pandas read it); a number beyond the range of a double is not read as infinity
/// but refused, and <see cref="IsBeyondDouble"/> tells the error message why.
/// </summary>
internal static class CellNumbers
{
    private const NumberStyles Integer =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static bool TryParse(ReadOnlySpan<char> text, out long value) => TryParsePlainInteger(text, out value) switch
    {
        Plain.Integer => true,
        Plain.NotInteger => false,
        _ => long.TryParse(text, Integer, Invariant, out value),
    };

    public static bool TryParse(ReadOnlySpan<char> text, out int value) => int.TryParse(text, Integer, Invariant, out value);

    public static bool TryParse(ReadOnlySpan<char> text, out byte value) => byte.TryParse(text, Integer, Invariant, out value);

    public static bool TryParse(ReadOnlySpan<char> text, out double value) =>
        TryParseShortDecimal(text, out value)
        || (double.TryParse(text, NumberStyles.Float, Invariant, out value) && (double.IsFinite(value) || IsSpelledOut(text)))
        || TryParseInfinity(text, out value)
        || IsMissing(text, out value);

    /// <summary>Digits whose value no double holds (<c>1e400</c>): the runtime would read them as infinity.</summary>
    public static bool IsBeyondDouble(ReadOnlySpan<char> text) =>
        double.TryParse(text, NumberStyles.Float, Invariant, out var value) && double.IsInfinity(value) && !IsSpelledOut(text);

    /// <summary><c>nan</c>, <c>inf</c>, <c>Infinity</c> and their signed forms, as opposed to digits.</summary>
    private static bool IsSpelledOut(ReadOnlySpan<char> text)
    {
        var word = text.Trim().TrimStart("+-");
        return word.Length > 0 && char.IsAsciiLetter(word[0]);
    }

    /// <summary>An empty (or blank) cell: a missing value, NaN.</summary>
    private static bool IsMissing(ReadOnlySpan<char> text, out double value)
    {
        value = text.IsWhiteSpace() ? double.NaN : 0;
        return text.IsWhiteSpace();
    }

    // Exact powers of ten as doubles: 10^0 … 10^22 are all representable.
    internal static ReadOnlySpan<double> PowersOfTen =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>
    /// Clinger's fast path for the common cell (<c>-12.345</c>, <c>1013.25</c>, <c>7e-3</c>): when the digits
    /// form an integer m ≤ 2^53 and the decimal exponent e has |e| ≤ 22, m and 10^|e| are exact doubles, so
    /// one IEEE multiply or divide is the correctly rounded result — the same double
    /// <see cref="double.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider, out double)"/> returns.
    /// Anything else (more digits, whitespace, inf/nan, hex, a bigger exponent) returns false for the full parser.
    /// </summary>
    private static bool TryParseShortDecimal(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var i = SignLength(text, out var negative);

        ulong mantissa = 0;
        var digits = 0;
        var start = i;
        for (; i < text.Length && (uint)(text[i] - '0') <= 9; i++)
        {
            mantissa = (mantissa * 10) + (uint)(text[i] - '0');
            digits++;
        }

        var integerDigits = i - start;
        var fractionDigits = 0;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            for (; i < text.Length && (uint)(text[i] - '0') <= 9; i++)
            {
                mantissa = (mantissa * 10) + (uint)(text[i] - '0');
                digits++;
                fractionDigits++;
            }
        }

        // 19 digits always fit a ulong; leading zeros count too, which only sends a few cells to the full parser.
        if (integerDigits + fractionDigits == 0 || digits > 19)
        {
            return false;
        }

        var scale = -fractionDigits;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            var exponentNegative = false;
            if (i < text.Length && (text[i] == '-' || text[i] == '+'))
            {
                exponentNegative = text[i] == '-';
                i++;
            }

            var exponentStart = i;
            var exponent = 0;
            for (; i < text.Length && (uint)(text[i] - '0') <= 9 && exponent < 1000; i++)
            {
                exponent = (exponent * 10) + (text[i] - '0');
            }

            if (i == exponentStart)
            {
                return false;
            }

            scale += exponentNegative ? -exponent : exponent;
        }

        if (i != text.Length || mantissa > (1UL << 53) || scale < -22 || scale > 22)
        {
            return false;
        }

        var result = (double)mantissa;
        result = scale < 0 ? result / PowersOfTen[-scale] : result * PowersOfTen[scale];
        value = negative ? -result : result;
        return true;
    }

    /// <summary>1 when the text starts with a sign (<paramref name="negative"/> for '-'), else 0.</summary>
    private static int SignLength(ReadOnlySpan<char> text, out bool negative)
    {
        negative = text.Length > 0 && text[0] == '-';
        return text.Length > 0 && text[0] is '-' or '+' ? 1 : 0;
    }

    private enum Plain
    {
        Integer,
        NotInteger,
        Unsure,
    }

    /// <summary>
    /// Optional sign and up to 18 digits, nothing else: the cells an integer column is made of. A cell with another
    /// character that is not white space (<c>21.5</c>, <c>nan</c>) is <see cref="Plain.NotInteger"/> at once, so an
    /// inferred float column does not pay for a full integer parse per cell; white space and long numbers are left
    /// to the full parser.
    /// </summary>
    private static Plain TryParsePlainInteger(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        var i = SignLength(text, out var negative);

        var digits = text.Length - i;
        long result = 0;
        for (; i < text.Length; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                return char.IsWhiteSpace(text[i]) || text[i] is '-' or '+' ? Plain.Unsure : Plain.NotInteger;
            }

            result = (result * 10) + digit;
        }

        if (digits is 0 or > 18)
        {
            return Plain.Unsure;
        }

        value = negative ? -result : result;
        return Plain.Integer;
    }

    public static bool TryParse(ReadOnlySpan<char> text, out float value)
    {
        // Beyond a float's range is infinity, as numpy's float32 makes it; beyond a double's is refused, as for <f8.
        if (float.TryParse(text, NumberStyles.Float, Invariant, out value) && !IsBeyondDouble(text))
        {
            return true;
        }

        var parsed = TryParseInfinity(text, out var wide) || IsMissing(text, out wide);
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
