using System.Buffers;
using System.Runtime.InteropServices;
using Orleans.Serialization.Buffers;

namespace Rtl.Data;

public sealed partial class TableCodec
{
    /// <summary>A filter's not-yet-gathered column, gathered piece by piece onto the wire instead of copied whole first.</summary>
    private static void WriteSelected<TBufferWriter>(ref Writer<TBufferWriter> writer, Column column)
        where TBufferWriter : IBufferWriter<byte>
    {
        switch (column)
        {
            case Column<double> d: WritePieces(ref writer, d); break;
            case Column<long> l: WritePieces(ref writer, l); break;
            case Column<int> i: WritePieces(ref writer, i); break;
            case Column<float> f: WritePieces(ref writer, f); break;
            case Column<bool> b: WritePieces(ref writer, b); break;
            case Column<byte> u: WritePieces(ref writer, u); break;
            default: writer.Write(column.Bytes); break;
        }
    }

    private static void WritePieces<T, TBufferWriter>(ref Writer<TBufferWriter> writer, Column<T> column)
        where T : unmanaged
        where TBufferWriter : IBufferWriter<byte>
    {
        var piece = ArrayPool<T>.Shared.Rent(Math.Min(column.Length, 8_192));
        try
        {
            for (var start = 0; start < column.Length; start += piece.Length)
            {
                var part = piece.AsSpan(0, Math.Min(piece.Length, column.Length - start));
                column.CopyTo(start, part);
                writer.Write(MemoryMarshal.AsBytes(part));
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(piece);
        }
    }
}
