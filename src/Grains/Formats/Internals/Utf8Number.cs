using System.Globalization;
using System.Runtime.CompilerServices;
using csFastFloat;

namespace Rtl.Grains.Formats.Internals;

/// <summary>
/// The common numeric cells straight from UTF-8 bytes: an optional sign, digits, a fraction, an exponent.
/// Each scanner stops at the first byte that is not part of such a number and returns where it stopped
/// (null when no number starts at <c>p</c>); the caller checks that a delimiter or line end follows.
/// Anything else (white space, <c>nan</c>, <c>inf</c>) is left to <see cref="CellNumbers"/> on decoded text.
/// </summary>
internal static unsafe class Utf8Number
{
    // 18 digits always fit a long; longer integers go to the full parser.
    private const int MaxIntegerDigits = 18;

    // 19 digits always fit a ulong.
    private const int MaxMantissaDigits = 19;

    private const ulong MaxExactMantissa = 1UL << 53;

    /// <summary>An optional sign and 1 to 18 digits.</summary>
    public static byte* ScanInteger(byte* p, byte* end, out long value)
    {
        value = 0;
        var negative = false;
        if (p < end && (*p == '-' || *p == '+'))
        {
            negative = *p == '-';
            p++;
        }

        var first = p;
        ulong result = 0;
        while (p < end && (uint)(*p - '0') <= 9)
        {
            result = (result * 10) + (uint)(*p - '0');
            p++;
        }

        var digits = p - first;
        if (digits is 0 or > MaxIntegerDigits)
        {
            return null;
        }

        value = negative ? -(long)result : (long)result;
        return p;
    }

    /// <summary>
    /// A decimal number, correctly rounded like <see cref="double.Parse(string, IFormatProvider)"/>. Short ones
    /// (<c>-12.345</c>, <c>7e-3</c>) by Clinger's fast path, the rest (17 significant digits, as numpy's repr
    /// writes) by fast_float's algorithm, which the runtime's parser agrees with bit for bit.
    /// </summary>
    public static byte* ScanDouble(byte* p, byte* end, out double value)
    {
        // Eight digits after the first eight: too many for the fast path, so skip scanning them twice.
        if (end - p >= 16 && AreEightDigits(Unsafe.ReadUnaligned<ulong>(p + 8)))
        {
            return ScanAnyDouble(p, end, out value);
        }

        var start = p;
        var negative = false;
        if (p < end && (*p == '-' || *p == '+'))
        {
            negative = *p == '-';
            p++;
        }

        ulong mantissa = 0;
        var digitsStart = p;
        while (p < end && (uint)(*p - '0') <= 9)
        {
            mantissa = (mantissa * 10) + (uint)(*p - '0');
            p++;
        }

        var digits = p - digitsStart;
        var fractionDigits = 0L;
        if (p < end && *p == '.')
        {
            p++;
            var fractionStart = p;
            while (p < end && (uint)(*p - '0') <= 9)
            {
                mantissa = (mantissa * 10) + (uint)(*p - '0');
                p++;
            }

            fractionDigits = p - fractionStart;
            digits += fractionDigits;
        }

        if (digits == 0)
        {
            value = 0;
            return null;
        }

        // Clinger: a mantissa and power of ten that are both exact doubles give the correctly rounded result in one operation.
        var scale = -fractionDigits;
        if (p < end && (*p == 'e' || *p == 'E'))
        {
            return ScanAnyDouble(start, end, out value); // rarer: let the full parser take exponents
        }

        if (digits > MaxMantissaDigits || mantissa > MaxExactMantissa || scale < -22)
        {
            return ScanAnyDouble(start, end, out value);
        }

        var magnitude = scale == 0 ? mantissa : mantissa / CellNumbers.PowersOfTen[(int)-scale];
        value = negative ? -magnitude : magnitude;
        return p;
    }

    private static bool AreEightDigits(ulong bytes) =>
        (((bytes + 0x4646464646464646UL) | (bytes - 0x3030303030303030UL)) & 0x8080808080808080UL) == 0;

    /// <summary>csFastFloat for any plain decimal; only text that starts like a number is handed to it, so its nan and infinity spellings never apply.</summary>
    private static byte* ScanAnyDouble(byte* p, byte* end, out double value)
    {
        value = 0;
        var digit = p < end && (*p == '-' || *p == '+') ? p + 1 : p;
        if (digit >= end || ((uint)(*digit - '0') > 9 && *digit != '.'))
        {
            return null;
        }

        // Digits beyond a double's range come out as infinity: left to the text parser, which refuses them.
        return FastDoubleParser.TryParseDouble(p, end, out var consumed, out value, NumberStyles.Float, (byte)'.') && double.IsFinite(value)
            ? p + consumed
            : null;
    }
}
