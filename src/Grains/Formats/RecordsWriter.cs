using System.Buffers;
using Rtl.Data;

namespace Rtl.Formats;

/// <summary>
/// A table's rows as packed records to a stream, each buffer's write awaited: to a network stream this waits on the
/// reader instead of gathering the whole table in the stream's buffers (<see cref="DatFile"/> writes files, synchronously).
/// </summary>
internal static class RecordsWriter
{
    public static async Task WriteAsync(Stream stream, Table table, CancellationToken cancellationToken)
    {
        var layout = new RecordLayout(table.Schema);
        if (layout.RecordSize == 0 || table.RowCount == 0)
        {
            return;
        }

        var chunkRows = Math.Max(1, DatFile.ChunkBytes / layout.RecordSize);
        var buffer = ArrayPool<byte>.Shared.Rent(chunkRows * layout.RecordSize);
        try
        {
            for (long row = 0; row < table.RowCount; row += chunkRows)
            {
                var count = (int)Math.Min(chunkRows, table.RowCount - row);
                DatFile.JoinChunk(table, layout, row, count, buffer);
                await stream.WriteAsync(buffer.AsMemory(0, count * layout.RecordSize), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
