using System.Runtime.InteropServices;

namespace Rtl.Data;

/// <summary>
/// An immutable, typed run of values. Columns carry no name: a <see cref="Table"/> names them, so the
/// same column can sit in many tables without a copy.
/// </summary>
public abstract class Column
{
    public abstract DType Type { get; }

    public abstract int Length { get; }

    /// <summary>The values as little-endian bytes (the wire and <c>.dat</c> layout).</summary>
    public abstract ReadOnlySpan<byte> Bytes { get; }

    /// <summary>One value as a double (integers widen; booleans are 0 or 1).</summary>
    public abstract double GetDouble(int row);

    /// <summary>The values as doubles: the column's own memory when it is <c>&lt;f8</c>, else a converted copy.</summary>
    public abstract ReadOnlySpan<double> AsDoubles();

    /// <summary>Rows at the given indices, in that order; <see cref="Table.Gather"/> has checked them.</summary>
    internal abstract Column Gather(ReadOnlySpan<int> rows);

    /// <summary>False for a selected column whose rows have not been gathered yet.</summary>
    public abstract bool IsMaterialized { get; }

    /// <summary>Rows [start, start + destination.Length) widened to doubles, without materialising a selected column.</summary>
    public abstract void CopyDoubles(int start, Span<double> destination);

    /// <summary>Rows from <paramref name="start"/> as little-endian bytes, as many as fill <paramref name="destination"/>, without materialising a selected column.</summary>
    internal abstract void CopyBytes(int start, Span<byte> destination);

    /// <summary>A column of <paramref name="rows"/> of this one, gathered on first read.</summary>
    internal abstract Column Select(RowSelection rows, Dictionary<RowSelection, RowSelection> composed);

    /// <summary>Rows [start, start + length).</summary>
    public abstract Column Slice(int start, int length);

    /// <summary>A value formatted the way numpy prints it in a record.</summary>
    public abstract string Format(int row);

    public static Column<T> Of<T>(T[] values) where T : unmanaged => new(values);

    public static Column<double> Of(params double[] values) => new(values);

    public static Column<long> Of(params long[] values) => new(values);

    /// <summary>An uninitialised column the caller fills in full through <see cref="Allocation.WritableBytes"/> before sharing it.</summary>
    public static Allocation Allocate(DType type, int length) => type switch
    {
        DType.I8 => new(new Column<long>(ColumnMemory.Allocate<long>(length))),
        DType.F8 => new(new Column<double>(ColumnMemory.Allocate<double>(length))),
        DType.I4 => new(new Column<int>(ColumnMemory.Allocate<int>(length))),
        DType.F4 => new(new Column<float>(ColumnMemory.Allocate<float>(length))),
        DType.B1 => new(new Column<bool>(ColumnMemory.Allocate<bool>(length))),
        DType.U1 => new(new Column<byte>(ColumnMemory.Allocate<byte>(length))),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown dtype"),
    };

    /// <summary>A freshly allocated column, writable only by whoever allocated it.</summary>
    public readonly struct Allocation(Column column)
    {
        public Column Column { get; } = column;

        public Span<byte> WritableBytes => MemoryMarshal.AsBytes(Column.BytesForFill());
    }

    private protected abstract Span<byte> BytesForFill();
}
