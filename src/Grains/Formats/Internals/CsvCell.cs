using System.Globalization;
using Rtl.Data;

namespace Rtl.Grains.Formats.Internals;

/// <summary>Formats one column's values as UTF-8 text for <c>CsvFile.Write</c>.</summary>
internal abstract class CsvCell
{
    /// <summary>Writes row <paramref name="row"/> into <paramref name="destination"/> and returns the byte count.</summary>
    public abstract int Format(int row, Span<byte> destination);

    public static CsvCell For(Column column) => column switch
    {
        Column<double> d => new Doubles(d),
        Column<float> f => new Singles(f),
        Column<long> l => new Integers<long>(l),
        Column<int> i => new Integers<int>(i),
        Column<byte> u => new Integers<byte>(u),
        Column<bool> b => new Booleans(b),
        _ => throw new NotSupportedException($"no text format for a {column.Type.Code()} column"),
    };

    private sealed class Doubles(Column<double> column) : CsvCell
    {
        public override int Format(int row, Span<byte> destination) => CellNumbers.Format(column[row], destination);
    }

    private sealed class Singles(Column<float> column) : CsvCell
    {
        public override int Format(int row, Span<byte> destination) => CellNumbers.Format(column[row], destination);
    }

    private sealed class Integers<T>(Column<T> column) : CsvCell where T : unmanaged, IUtf8SpanFormattable
    {
        public override int Format(int row, Span<byte> destination)
        {
            column[row].TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
            return written;
        }
    }

    private sealed class Booleans(Column<bool> column) : CsvCell
    {
        public override int Format(int row, Span<byte> destination)
        {
            destination[0] = column[row] ? (byte)'1' : (byte)'0';
            return 1;
        }
    }
}
