using System.Buffers;
using Orleans.Serialization.Buffers;
using Rtl.Data;

namespace Rtl.Messaging;

public sealed partial class TableCodec
{
    private const int PieceBytes = 64 * 1024;

    /// <summary>A filter's not-yet-gathered column, gathered piece by piece onto the wire instead of copied whole first.</summary>
    private static void WriteSelected<TBufferWriter>(ref Writer<TBufferWriter> writer, Column column)
        where TBufferWriter : IBufferWriter<byte>
    {
        var size = column.Type.Size();
        var rowsPerPiece = PieceBytes / size;
        var piece = ArrayPool<byte>.Shared.Rent(PieceBytes);
        try
        {
            for (var start = 0; start < column.Length; start += rowsPerPiece)
            {
                var part = piece.AsSpan(0, Math.Min(rowsPerPiece, column.Length - start) * size);
                column.CopyBytes(start, part);
                writer.Write(part);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(piece);
        }
    }
}
