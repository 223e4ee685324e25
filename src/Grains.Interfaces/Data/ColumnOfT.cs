using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rtl.Data;

/// <summary>
/// A column backed by one array of <typeparamref name="T"/>; never written after construction. A column
/// selected from another (a filter's output) holds only the shared row indices until it is first read;
/// bulk readers that want to avoid that copy use <see cref="CopyTo"/> and <see cref="Column.CopyDoubles"/>.
/// </summary>
[Immutable]
public sealed class Column<T> : Column where T : unmanaged
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

    private Column(Column<T> source, RowSelection rows)
    {
        pending = new Pending(source, rows);
        length = rows.Count;
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

    /// <summary>Rows [start, start + destination.Length) into <paramref name="destination"/>, without materialising a selected column.</summary>
    public void CopyTo(int start, Span<T> destination)
    {
        if (Volatile.Read(ref pending) is { } selected && Volatile.Read(ref values) is null)
        {
            GatherInto(selected.Source.Span, selected.Rows.Rows.Slice(start, destination.Length), destination);
            return;
        }

        Values.AsSpan(start, destination.Length).CopyTo(destination);
    }

    public override void CopyDoubles(int start, Span<double> destination)
    {
        if (this is Column<double> doubles)
        {
            doubles.CopyTo(start, destination);
            return;
        }

        if (Volatile.Read(ref pending) is { } selected && Volatile.Read(ref values) is null)
        {
            var rows = selected.Rows.Rows.Slice(start, destination.Length);
            var source = selected.Source;
            for (var i = 0; i < rows.Length; i++)
            {
                destination[i] = source.GetDouble(rows[i]);
            }

            return;
        }

        ColumnConvert.ToDoubles(Values.AsSpan(start, destination.Length), destination);
    }

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

    public override Column Gather(ReadOnlySpan<int> rows)
    {
        var result = ColumnMemory.Allocate<T>(rows.Length);
        var source = Values.AsSpan();
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = source[rows[i]];
        }

        return new Column<T>(result);
    }

    internal override Column Select(RowSelection rows, Dictionary<RowSelection, RowSelection> composed)
    {
        if (Volatile.Read(ref pending) is { } selected && Volatile.Read(ref values) is null)
        {
            if (!composed.TryGetValue(selected.Rows, out var both))
            {
                both = selected.Rows.Then(rows);
                composed[selected.Rows] = both;
            }

            return new Column<T>(selected.Source, both);
        }

        return new Column<T>(this, rows);
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

    private static string FormatFloat(double value) =>
        double.IsNaN(value) ? "nan"
        : double.IsPositiveInfinity(value) ? "inf"
        : double.IsNegativeInfinity(value) ? "-inf"
        : value.ToString("0.0#######", CultureInfo.InvariantCulture);

    /// <summary>Gathers the selected rows once; concurrent first readers may both gather, and one result wins.</summary>
    private T[] Materialize()
    {
        if (Volatile.Read(ref pending) is not { } selected)
        {
            return Volatile.Read(ref values)!;
        }

        var gathered = ColumnMemory.Allocate<T>(length);
        GatherInto(selected.Source.Span, selected.Rows.Rows, gathered);
        Interlocked.CompareExchange(ref values, gathered, null);
        Volatile.Write(ref pending, null); // after values: a reader that finds no pending finds the values
        return values!;
    }

    /// <summary>destination[i] = source[rows[i]]; the indices were checked once when the selection was made.</summary>
    private static void GatherInto(ReadOnlySpan<T> source, ReadOnlySpan<int> rows, Span<T> destination)
    {
        ref var from = ref MemoryMarshal.GetReference(source);
        ref var row = ref MemoryMarshal.GetReference(rows);
        ref var to = ref MemoryMarshal.GetReference(destination);
        for (nint i = 0; i < rows.Length; i++)
        {
            Unsafe.Add(ref to, i) = Unsafe.Add(ref from, (nint)(uint)Unsafe.Add(ref row, i));
        }
    }

    private sealed record Pending(Column<T> Source, RowSelection Rows);
}
