using System.Buffers;
using Rtl.Data;
using Rtl.Grains.Formats.Internals;

namespace Rtl.Grains.Formats;

/// <summary>
/// A table's rows as packed records, a buffer at a time: <see cref="DatFile"/> writes them to files, and
/// <see cref="WriteAsync"/> to a network stream, awaiting each buffer so the reader paces the writer instead of the
/// whole table gathering in the stream's buffers.
/// </summary>
internal static class RecordsWriter
{
    public static async Task WriteAsync(Stream stream, Table table, CancellationToken cancellationToken)
    {
        foreach (var chunk in Chunks(table))
        {
            await stream.WriteAsync(chunk, cancellationToken);
        }
    }

    /// <summary>The records in buffers of about <see cref="DatFile.ChunkBytes"/>; each is reused for the next, so write it before moving on.</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> Chunks(Table table)
    {
        var layout = new RecordLayout(table.Schema);
        if (layout.RecordSize == 0 || table.RowCount == 0)
        {
            yield break;
        }

        var chunkRows = Math.Max(1, DatFile.ChunkBytes / layout.RecordSize);
        var buffer = ArrayPool<byte>.Shared.Rent(chunkRows * layout.RecordSize);
        try
        {
            for (long row = 0; row < table.RowCount; row += chunkRows)
            {
                var count = (int)Math.Min(chunkRows, table.RowCount - row);
                DatFile.JoinChunk(table, layout, row, count, buffer);
                yield return buffer.AsMemory(0, count * layout.RecordSize);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
