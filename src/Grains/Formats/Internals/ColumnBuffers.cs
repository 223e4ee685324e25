using System.Runtime.InteropServices;
using Rtl.Data;

namespace Rtl.Grains.Formats.Internals;

/// <summary>
/// Freshly allocated, pinned, uninitialised column arrays for a reader to fill through raw pointers;
/// the reader writes every element, so zeroing them first would only cost a second pass.
/// </summary>
internal sealed unsafe class ColumnBuffers : IDisposable
{
    private readonly GCHandle[] handles;
    private readonly byte** pointers;

    public ColumnBuffers(TableSchema schema, int rows)
    {
        Schema = schema;
        Columns = new Column[schema.Columns.Count];
        handles = new GCHandle[Columns.Length];
        pointers = (byte**)NativeMemory.Alloc((nuint)Math.Max(1, Columns.Length), (nuint)sizeof(byte*));
        for (var i = 0; i < Columns.Length; i++)
        {
            (Columns[i], var array) = Allocate(schema.Columns[i].Type, rows);
            handles[i] = GCHandle.Alloc(array, GCHandleType.Pinned);
            pointers[i] = (byte*)handles[i].AddrOfPinnedObject();
        }
    }

    public TableSchema Schema { get; }

    public Column[] Columns { get; }

    /// <summary>Row 0 of every column; valid until <see cref="Dispose"/>.</summary>
    public byte** Pointers => pointers;

    public Table ToTable() =>
        Table.Create(Schema.Columns.Select((c, i) => KeyValuePair.Create(c.Name, Columns[i])));

    public void Dispose()
    {
        foreach (var handle in handles)
        {
            if (handle.IsAllocated)
            {
                handle.Free();
            }
        }

        NativeMemory.Free(pointers);
    }

    private static (Column Column, Array Array) Allocate(DType type, int rows) => type switch
    {
        DType.I8 => Wrap(ColumnMemory.Allocate<long>(rows)),
        DType.F8 => Wrap(ColumnMemory.Allocate<double>(rows)),
        DType.I4 => Wrap(ColumnMemory.Allocate<int>(rows)),
        DType.F4 => Wrap(ColumnMemory.Allocate<float>(rows)),
        DType.B1 => Wrap(ColumnMemory.Allocate<bool>(rows)),
        DType.U1 => Wrap(ColumnMemory.Allocate<byte>(rows)),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown dtype"),
    };

    private static (Column, Array) Wrap<T>(T[] array) where T : unmanaged => (new Column<T>(array), array);
}
