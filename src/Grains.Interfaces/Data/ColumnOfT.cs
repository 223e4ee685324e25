using System.Globalization;
using System.Runtime.InteropServices;

namespace Rtl.Data;

/// <summary>A column backed by one array of <typeparamref name="T"/>; never written after construction.</summary>
[Immutable]
public sealed class Column<T> : Column where T : unmanaged
{
    private readonly T[] values;

    /// <summary>Takes ownership of <paramref name="values"/>: the caller must not write to it afterwards.</summary>
    public Column(T[] values)
    {
        this.values = values;
        Type = DTypes.Of<T>();
    }

    public override DType Type { get; }

    public override int Length => values.Length;

    public ReadOnlySpan<T> Span => values;

    public T this[int row] => values[row];

    public override ReadOnlySpan<byte> Bytes => MemoryMarshal.AsBytes(values.AsSpan());

    private protected override Span<byte> BytesForFill() => MemoryMarshal.AsBytes(values.AsSpan());

    public override double GetDouble(int row) => values[row] switch
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
            return doubles.values;
        }

        var result = ColumnMemory.Allocate<double>(values.Length);
        ColumnConvert.ToDoubles(this, result);
        return result;
    }

    public override Column Gather(ReadOnlySpan<int> rows)
    {
        var result = ColumnMemory.Allocate<T>(rows.Length);
        var source = values.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = source[rows[i]];
        }

        return new Column<T>(result);
    }

    public override Column Slice(int start, int length) => new Column<T>(values.AsSpan(start, length).ToArray());

    public override string Format(int row) => values[row] switch
    {
        double d => FormatFloat(d),
        float f => FormatFloat(f),
        bool b => b ? "True" : "False",
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => values[row].ToString() ?? "",
    };

    private static string FormatFloat(double value) =>
        double.IsNaN(value) ? "nan"
        : double.IsPositiveInfinity(value) ? "inf"
        : double.IsNegativeInfinity(value) ? "-inf"
        : value.ToString("0.0#######", CultureInfo.InvariantCulture);
}
