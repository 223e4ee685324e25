using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rtl.Data;

namespace Rtl.Tasks.Internals;

/// <summary>Row selection without per-element bounds checks: the row indices are validated once, up front.</summary>
internal static class Gather
{
    /// <summary>Every column of <paramref name="table"/> restricted to <paramref name="rows"/> (each in [0, RowCount)), in that order.</summary>
    public static Table Rows(Table table, ReadOnlySpan<int> rows)
    {
        foreach (var row in rows)
        {
            if ((uint)row >= (uint)table.RowCount)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), row, $"row index outside the table's {table.RowCount} rows");
            }
        }

        var columns = new KeyValuePair<string, Column>[table.ColumnCount];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = KeyValuePair.Create(table.Names[i], Column(table[i], rows));
        }

        return Table.Create(columns);
    }

    private static Column Column(Column column, ReadOnlySpan<int> rows) => column switch
    {
        Column<double> d => new Column<double>(Typed(d.Span, rows)),
        Column<long> l => new Column<long>(Typed(l.Span, rows)),
        Column<int> i => new Column<int>(Typed(i.Span, rows)),
        Column<float> f => new Column<float>(Typed(f.Span, rows)),
        Column<byte> u => new Column<byte>(Typed(u.Span, rows)),
        Column<bool> b => new Column<bool>(Typed(b.Span, rows)),
        _ => column.Gather(rows),
    };

    private static T[] Typed<T>(ReadOnlySpan<T> source, ReadOnlySpan<int> rows)
        where T : unmanaged
    {
        var result = ColumnMemory.Allocate<T>(rows.Length);
        ref var from = ref MemoryMarshal.GetReference(source);
        ref var row = ref MemoryMarshal.GetReference(rows);
        ref var to = ref MemoryMarshal.GetArrayDataReference(result);
        for (nint i = 0; i < rows.Length; i++)
        {
            Unsafe.Add(ref to, i) = Unsafe.Add(ref from, (nint)(uint)Unsafe.Add(ref row, i));
        }

        return result;
    }
}
