using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rtl.Data;

/// <summary>A column selected from another: the rows to take are kept, and gathered when first read whole.</summary>
public sealed partial class Column<T>
{
    private Column(Column<T> source, RowSelection rows)
    {
        pending = new Pending(source, rows);
        length = rows.Count;
        Type = DTypes.Of<T>();
    }

    /// <summary>Rows [start, start + destination.Length) into <paramref name="destination"/>, without materialising a selected column.</summary>
    public void CopyTo(int start, Span<T> destination)
    {
        if (Unread() is { } selected)
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

        if (Unread() is { } selected)
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

    internal override void CopyBytes(int start, Span<byte> destination) =>
        CopyTo(start, MemoryMarshal.Cast<byte, T>(destination));

    internal override Column Select(RowSelection rows, Dictionary<RowSelection, RowSelection> composed)
    {
        if (Unread() is { } selected)
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

    /// <summary>The selection while nobody has gathered it yet.</summary>
    private Pending? Unread() => Volatile.Read(ref values) is null ? Volatile.Read(ref pending) : null;

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

    /// <summary>destination[i] = source[rows[i]]; the table checked the indices once, when it gathered or selected.</summary>
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
