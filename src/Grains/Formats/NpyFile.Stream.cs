using System.Buffers;
using Rtl.Data;
using Rtl.Grains.Formats.Internals;

namespace Rtl.Grains.Formats;

/// <summary>
/// <c>.npy</c> over a stream, for stores that are not files (a job's input and result in PostgreSQL): written
/// and read a buffer at a time, so a table never sits in memory a second time as one block of bytes.
/// </summary>
public static partial class NpyFile
{
    // Records move through a buffer this size, as in DatFile.
    private const int StreamChunkBytes = 1 << 18;

    /// <summary>Writes the table as numpy's <c>np.save</c> would; <paramref name="name"/> is for errors.</summary>
    public static void Write(Stream stream, Table table, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(table);
        stream.Write(Header(table, name));
        DatFile.WriteRecords(stream, table);
    }

    /// <summary>
    /// Writes the table as <see cref="Write(Stream, Table, string)"/> does, awaiting each buffer's write, so a network
    /// stream paces the writer instead of holding the whole table in its buffers.
    /// </summary>
    public static async Task WriteAsync(Stream stream, Table table, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(table);
        await stream.WriteAsync(Header(table, name), cancellationToken);
        await RecordsWriter.WriteAsync(stream, table, cancellationToken);
    }

    /// <summary>Reads a C-ordered <c>.npy</c> from the stream's current position; <paramref name="name"/> is for errors.</summary>
    public static unsafe Table Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var prefix = new byte[12];
        var got = ReadUpTo(stream, prefix.AsSpan(0, 10));
        if (got == 10 && prefix[6] > 1)
        {
            got += ReadUpTo(stream, prefix.AsSpan(10, 2));
        }

        var (_, size, utf8) = HeaderSize(prefix.AsSpan(0, got), name);
        var header = new byte[size];
        Fill(stream, header, name, "header");
        var (schema, rows, dims, fortran) = Parse(name, HeaderText(header, utf8));
        if (fortran && schema.Columns.Count > 1)
        {
            throw new FileFormatException(name, "a Fortran-ordered .npy cannot be read from a stream (it is read only from files)");
        }

        var layout = new RecordLayout(schema);
        if (layout.RecordSize == 0 || rows > Array.MaxLength)
        {
            throw new FileFormatException(name, $"the shape ({string.Join(", ", dims)}) of {schema} does not fit in a table");
        }

        using var columns = new ColumnBuffers(schema, (int)rows);
        var chunkRows = Math.Max(1, StreamChunkBytes / layout.RecordSize);
        var buffer = ArrayPool<byte>.Shared.Rent(chunkRows * layout.RecordSize);
        try
        {
            fixed (byte* records = buffer)
            {
                for (long row = 0; row < rows; row += chunkRows)
                {
                    var count = (int)Math.Min(chunkRows, rows - row);
                    Fill(stream, buffer.AsSpan(0, count * layout.RecordSize), name, $"records from row {row}");
                    RecordTranspose.Split(records, layout.RecordSize, row, count, layout.Offsets, layout.Sizes, columns.Pointers);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return columns.ToTable();
    }

    private static int ReadUpTo(Stream stream, Span<byte> bytes)
    {
        var total = 0;
        int read;
        while (total < bytes.Length && (read = stream.Read(bytes[total..])) > 0)
        {
            total += read;
        }

        return total;
    }

    private static void Fill(Stream stream, Span<byte> bytes, string name, string what)
    {
        if (ReadUpTo(stream, bytes) != bytes.Length)
        {
            throw new FileFormatException(name, $"ended early in its {what}; it was cut short");
        }
    }
}
