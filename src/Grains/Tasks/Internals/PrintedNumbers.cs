using System.Globalization;
using System.Text;

namespace Rtl.Grains.Tasks.Internals;

/// <summary>Numbers printed the way the seed's Python printed them, so its users' notes read the same.</summary>
internal static class PrintedNumbers
{
    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, <c>2.0</c>, <c>1e-05</c>, <c>1e+16</c>, <c>nan</c>.</summary>
    public static string Python(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }

        var (negative, digits, exponent) = Decompose(value);
        var sign = negative ? "-" : "";
        if (exponent is >= -4 and < 16)
        {
            return sign + Positional(digits, exponent, minFraction: 1);
        }

        var mantissa = digits.Length == 1 ? digits : $"{digits[0]}.{digits[1..]}";
        return $"{sign}{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
    }

    /// <summary>
    /// numpy's <c>str(array)</c> of floats with default print options: at most 8 decimals, trailing zeros
    /// trimmed and padded to a common width, scientific when the magnitudes are far apart
    /// (<c>[  5.83333333 -33.          48.16666667   2.        ]</c>).
    /// </summary>
    public static string NumpyArray(IReadOnlyList<double> values)
    {
        var finite = values.Where(double.IsFinite).Select(Math.Abs).Where(v => v != 0).ToArray();
        var scientific = finite.Length > 0 && (finite.Max() >= 1e8 || finite.Min() < 1e-4 || finite.Max() / finite.Min() > 1e3);
        var parts = values.Select(v => double.IsFinite(v) ? Split(v, scientific) : (Whole: Python(v), Fraction: "", Exponent: "")).ToArray();
        var fractionWidth = parts.Where((_, i) => double.IsFinite(values[i])).Select(p => p.Fraction.Length).DefaultIfEmpty(0).Max();
        var exponentWidth = parts.Select(p => p.Exponent.Length).Max();
        var cells = parts.Select((p, i) =>
        {
            if (!double.IsFinite(values[i]))
            {
                return p.Whole;
            }

            if (scientific)
            {
                // numpy pads scientific mantissas with zeros to a common precision.
                var exponent = p.Exponent[0] + p.Exponent[1..].PadLeft(exponentWidth - 1, '0');
                return $"{p.Whole}.{p.Fraction.PadRight(fractionWidth, '0')}e{exponent}";
            }

            return $"{p.Whole}.{p.Fraction}".PadRight(p.Whole.Length + 1 + fractionWidth);
        }).ToArray();
        var width = cells.Select(c => c.Length).DefaultIfEmpty(0).Max();
        var wholeWidth = parts.Select(p => p.Whole.Length).DefaultIfEmpty(0).Max();
        return "[" + string.Join(" ", cells.Select((c, i) =>
            double.IsFinite(values[i]) ? c.PadLeft(c.Length + wholeWidth - parts[i].Whole.Length) : c.PadLeft(width))) + "]";
    }

    /// <summary>One value as (integer part, fraction digits, exponent) with at most 8 decimals.</summary>
    private static (string Whole, string Fraction, string Exponent) Split(double value, bool scientific)
    {
        string text;
        string exponent = "";
        if (scientific)
        {
            var (negative, digits, e) = Decompose(value);
            if (digits.Length > 9)
            {
                (negative, digits, e) = Decompose(double.Parse(value.ToString("E8", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
            }

            text = (negative ? "-" : "") + digits[0] + "." + digits[1..];
            exponent = (e < 0 ? "-" : "+") + Math.Abs(e).ToString("00", CultureInfo.InvariantCulture);
        }
        else
        {
            var (negative, digits, e) = Decompose(value);
            text = (negative ? "-" : "") + Positional(digits, e, minFraction: 0);
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            if (dot >= 0 && text.Length - dot - 1 > 8)
            {
                text = value.ToString("F8", CultureInfo.InvariantCulture).TrimEnd('0');
            }
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? (text, "", exponent) : (text[..point], text[(point + 1)..], exponent);
    }

    /// <summary>Shortest round-trip decimal digits (no leading or trailing zeros) and the decimal exponent of the first.</summary>
    private static (bool Negative, string Digits, int Exponent) Decompose(double value)
    {
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var e = shortest.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? shortest : shortest[..e];
        var exponent = e < 0 ? 0 : int.Parse(shortest[(e + 1)..], CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var position = (point < 0 ? mantissa.Length : point) + exponent; // digits before the decimal point
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        return digits.Length == 0
            ? (double.IsNegative(value), "0", 0)
            : (double.IsNegative(value), digits, position - leading - 1);
    }

    /// <summary>Digits <c>d.ddd × 10^exponent</c> written without an exponent.</summary>
    private static string Positional(string digits, int exponent, int minFraction)
    {
        var text = new StringBuilder();
        if (exponent < 0)
        {
            text.Append("0.").Append('0', -exponent - 1).Append(digits);
            return text.ToString();
        }

        var whole = exponent + 1;
        text.Append(digits.Length >= whole ? digits[..whole] : digits.PadRight(whole, '0'));
        var fraction = digits.Length > whole ? digits[whole..] : "";
        text.Append('.').Append(fraction.Length >= minFraction ? fraction : fraction.PadRight(minFraction, '0'));
        return text.ToString();
    }
}
