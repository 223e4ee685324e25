using System.Globalization;
using System.Runtime.InteropServices;

namespace Rtl.Data;

/// <summary>
/// A column backed by one array of <typeparamref name="T"/>; never written after construction. A column
/// selected from another (a filter's output) holds only the shared row indices until it is first read;
/// bulk readers that want to avoid that copy use <see cref="CopyTo"/> and <see cref="Column.CopyDoubles"/>.
/// </summary>
public sealed partial class Column<T> : Column where T : unmanaged
{
    private readonly int length;
    private T[]? values;

    // Until first read: the source column (never itself pending) and the rows to take from it.
    private Pending? pending;

    /// <summary>Takes ownership of <paramref name="values"/>: the caller must not write to it afterwards.</summary>
    public Column(T[] values)
    {
        this.values = values;
        length = values.Length;
        Type = DTypes.Of<T>();
    }

    public override DType Type { get; }

    public override int Length => length;

    public ReadOnlySpan<T> Span => Values;

    public T this[int row] => Values[row];

    public override ReadOnlySpan<byte> Bytes => MemoryMarshal.AsBytes(Values.AsSpan());

    public override bool IsMaterialized => Volatile.Read(ref values) is not null;

    private T[] Values => Volatile.Read(ref values) ?? Materialize();

    private protected override Span<byte> BytesForFill() => MemoryMarshal.AsBytes(Values.AsSpan());

    public override double GetDouble(int row) => Values[row] switch
    {
        double d => d,
        long l => l,
        int i => i,
        float f => f,
        bool b => b ? 1 : 0,
        byte u => u,
        _ => throw new NotSupportedException(),
    };

    public override ReadOnlySpan<double> AsDoubles()
    {
        if (this is Column<double> doubles)
        {
            return doubles.Values;
        }

        var result = ColumnMemory.Allocate<double>(length);
        ColumnConvert.ToDoubles(Values, result);
        return result;
    }

    internal override Column Gather(ReadOnlySpan<int> rows)
    {
        var result = ColumnMemory.Allocate<T>(rows.Length);
        GatherInto(Values, rows, result);
        return new Column<T>(result);
    }

    public override Column Slice(int start, int length) => new Column<T>(Values.AsSpan(start, length).ToArray());

    public override string Format(int row) => Values[row] switch
    {
        double d => FormatFloat(d),
        float f => FormatFloat(f),
        bool b => b ? "True" : "False",
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => Values[row].ToString() ?? "",
    };

    /// <summary>
    /// Up to 8 decimals; in scientific notation where numpy's repr of a float uses it (magnitude from 1e16, or below
    /// 1e-4 but not zero), so 1e308 is <c>1.0e+308</c>, not 309 digits, and 1e-9 is not <c>0.0</c>.
    /// </summary>
    private static string FormatFloat(double value) =>
        double.IsNaN(value) ? "nan"
        : double.IsPositiveInfinity(value) ? "inf"
        : double.IsNegativeInfinity(value) ? "-inf"
        : value != 0 && (Math.Abs(value) >= 1e16 || Math.Abs(value) < 1e-4) ? value.ToString("0.0#######e+00", CultureInfo.InvariantCulture)
        : value.ToString("0.0#######", CultureInfo.InvariantCulture);
}
