using System.Buffers;
using System.Runtime.ExceptionServices;
using Microsoft.Win32.SafeHandles;
using Rtl.Data;
using Rtl.Grains.Formats.Internals;

namespace Rtl.Grains.Formats;

/// <summary>
/// The seed's <c>.dat</c>: numpy's <c>ndarray.tobytes()</c> of a structured array — packed
/// little-endian records, row after row, no header. The dtype lives in the <c>.meta</c> beside it.
/// </summary>
public static unsafe class DatFile
{
    // Records move through a buffer this size: large enough for few system calls, small enough to stay in L2.
    internal const int ChunkBytes = 1 << 18;

    // Each thread reads at least this many bytes: below it a second thread costs more than it saves. At 16 MB
    // dev.py's 11 MB and a 1M x 2 file read on one thread; at 4 MB two threads read them in ~0.6x the time.
    internal const long ParallelBytes = 4L << 20;

    /// <summary>The records' columns; with <paramref name="pick"/> only the columns at those indices of <paramref name="schema"/>, in that order.</summary>
    public static Table Read(string datPath, TableSchema schema, IReadOnlyList<int>? pick = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var recordSize = new RecordLayout(schema).RecordSize;
        using var file = DataFile.OpenRead(datPath, $"packed {recordSize}-byte records of {schema}, as its .meta describes");
        return ReadRecords(file, datPath, schema, 0, RandomAccess.GetLength(file), pick);
    }

    public static void Write(string datPath, Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var layout = new RecordLayout(table.Schema);
        using var stream = DataFile.OpenWrite(datPath, (long)layout.RecordSize * table.RowCount);
        WriteRecords(stream, table);
    }

    /// <summary>Reads <paramref name="length"/> bytes of records starting at <paramref name="offset"/> (the <c>.npy</c> data block too).</summary>
    internal static Table ReadRecords(SafeFileHandle file, string path, TableSchema schema, long offset, long length, IReadOnlyList<int>? pick = null)
    {
        var layout = new RecordLayout(schema);
        if (layout.RecordSize == 0)
        {
            throw new FileFormatException(path, "the dtype describes no columns, so the records cannot be read");
        }

        if (length % layout.RecordSize != 0)
        {
            throw new FileFormatException(path,
                $"holds {length} bytes, which is not a whole number of {layout.RecordSize}-byte records " +
                $"of {schema} (the dtype from the .meta); the file is truncated or does not match its .meta");
        }

        var rows = length / layout.RecordSize;
        if (rows > Array.MaxLength)
        {
            throw new FileFormatException(path, $"holds {rows} records; at most {Array.MaxLength} fit in a table");
        }

        var kept = layout.Picked(pick);
        using var columns = new ColumnBuffers(kept.Schema, (int)rows);
        var pointers = (nint)columns.Pointers;

        // Large files are cut into row ranges read and transposed in parallel: one core rarely
        // saturates memory bandwidth, and one range's read overlaps another's transpose.
        var parts = (int)Math.Clamp(length / ParallelBytes, 1, Environment.ProcessorCount);
        if (parts == 1)
        {
            ReadRange(file, path, kept, offset, 0, rows, (byte**)pointers);
        }
        else
        {
            try
            {
                Parallel.For(0, parts, part => ReadRange(
                    file, path, kept, offset, rows * part / parts, rows * (part + 1) / parts, (byte**)pointers));
            }
            catch (AggregateException e) when (e.InnerExceptions[0] is FileFormatException inner)
            {
                ExceptionDispatchInfo.Throw(inner);
            }
        }

        return columns.ToTable();
    }

    private static void ReadRange(
        SafeFileHandle file, string path, RecordLayout layout, long offset, long firstRow, long endRow, byte** columns)
    {
        if (layout.Sizes.Length == 1 && layout.Sizes[0] == layout.RecordSize)
        {
            // One field: the records already are the column, so read straight into it.
            var size = layout.RecordSize;
            var step = (1 << 30) / size; // a span holds at most 2 GiB
            for (var row = firstRow; row < endRow; row += step)
            {
                var count = Math.Min(step, endRow - row);
                ReadExactly(file, path, new Span<byte>(columns[0] + (row * size), (int)(count * size)), offset + (row * size));
            }

            return;
        }

        var chunkRows = Math.Max(1, ChunkBytes / layout.RecordSize);
        var buffer = ArrayPool<byte>.Shared.Rent(chunkRows * layout.RecordSize);
        try
        {
            fixed (byte* records = buffer)
            {
                for (var row = firstRow; row < endRow; row += chunkRows)
                {
                    var count = (int)Math.Min(chunkRows, endRow - row);
                    ReadExactly(file, path, buffer.AsSpan(0, count * layout.RecordSize), offset + (row * layout.RecordSize));
                    RecordTranspose.Split(records, layout.RecordSize, row, count, layout.Offsets, layout.Sizes, columns);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Appends the table's rows as packed records to <paramref name="stream"/>.</summary>
    internal static void WriteRecords(Stream stream, Table table)
    {
        foreach (var chunk in RecordsWriter.Chunks(table))
        {
            stream.Write(chunk.Span);
        }
    }

    internal static void JoinChunk(Table table, RecordLayout layout, long firstRow, int rowCount, byte[] buffer)
    {
        fixed (byte* records = buffer)
        {
            var target = (nint)records;
            for (var first = 0; first < table.ColumnCount; first += PinnedColumns.MaxGroup)
            {
                var group = Math.Min(PinnedColumns.MaxGroup, table.ColumnCount - first);
                var offsets = layout.Offsets.AsMemory(first, group);
                var sizes = layout.Sizes.AsMemory(first, group);
                PinnedColumns.With(table.Columns, first, group, columns =>
                    RecordTranspose.Join(columns, firstRow, rowCount, offsets.Span, sizes.Span, (byte*)target, layout.RecordSize));
            }
        }
    }

    private static void ReadExactly(SafeFileHandle file, string path, Span<byte> bytes, long offset)
    {
        while (!bytes.IsEmpty)
        {
            int read;
            try
            {
                read = RandomAccess.Read(file, bytes, offset);
            }
            catch (IOException e)
            {
                throw new FileFormatException(path, $"cannot be read at byte {offset}: {e.Message}", e);
            }

            if (read == 0)
            {
                throw new FileFormatException(path, $"ended early at byte {offset}; was it truncated while being read?");
            }

            bytes = bytes[read..];
            offset += read;
        }
    }
}
