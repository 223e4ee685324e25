using System.Buffers;
using System.Globalization;
using Rtl.Data;
using Rtl.Grains.Formats.Internals;

namespace Rtl.Grains.Formats;

/// <summary>What a <c>.npy</c> header promises: the columns, the rows and the bytes of data that must follow it.</summary>
public sealed record NpyHeader(TableSchema Schema, long Rows, string Shape, int RecordSize)
{
    public long DataBytes => Rows * RecordSize;
}

/// <summary>
/// <c>.npy</c> arriving over the network (a table posted to the web API): read asynchronously in two steps, so the
/// caller can refuse the table from its header alone — before a single row is allocated — and a header cannot make
/// the reader allocate more than <c>maxHeaderBytes</c>. The data must be exactly what the header's shape needs.
/// </summary>
public static partial class NpyFile
{
    public static async Task<NpyHeader> ReadHeaderAsync(Stream stream, string name, int maxHeaderBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var prefix = new byte[12];
        var got = await stream.ReadAtLeastAsync(prefix.AsMemory(0, 10), 10, throwOnEndOfStream: false, cancellationToken);
        if (got == 10 && prefix[6] > 1)
        {
            got += await stream.ReadAtLeastAsync(prefix.AsMemory(10, 2), 2, throwOnEndOfStream: false, cancellationToken);
        }

        var (_, size, utf8) = HeaderSize(prefix.AsSpan(0, got), name);
        if (size > maxHeaderBytes)
        {
            throw new FileFormatException(name, string.Create(CultureInfo.InvariantCulture,
                $"the .npy header says it is {size:N0} bytes; at most {maxHeaderBytes:N0} are accepted"));
        }

        var header = new byte[size];
        if (await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken) != header.Length)
        {
            throw new FileFormatException(name, string.Create(CultureInfo.InvariantCulture,
                $"ended inside its .npy header, which says it is {size:N0} bytes; it was cut short"));
        }

        var (schema, rows, dims, fortran) = Parse(name, HeaderText(header, utf8));
        var layout = new RecordLayout(schema);
        var shape = string.Join(", ", dims);
        if (fortran && schema.Columns.Count > 1)
        {
            throw new FileFormatException(name, "a Fortran-ordered .npy is not accepted here; send a C-ordered one (numpy's default)");
        }

        if (layout.RecordSize == 0 || rows > Array.MaxLength)
        {
            throw new FileFormatException(name, $"the shape ({shape}) of {schema} does not fit in a table");
        }

        return new NpyHeader(schema, rows, shape, layout.RecordSize);
    }

    /// <summary>The records after <see cref="ReadHeaderAsync"/>: exactly <see cref="NpyHeader.DataBytes"/>, no fewer and no more.</summary>
    public static async Task<Table> ReadRecordsAsync(Stream stream, NpyHeader header, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(header);
        var layout = new RecordLayout(header.Schema);
        using var columns = new ColumnBuffers(header.Schema, (int)header.Rows);
        var chunkRows = Math.Max(1, StreamChunkBytes / layout.RecordSize);
        var buffer = ArrayPool<byte>.Shared.Rent(chunkRows * layout.RecordSize);
        try
        {
            for (long row = 0; row < header.Rows; row += chunkRows)
            {
                var count = (int)Math.Min(chunkRows, header.Rows - row);
                var bytes = count * layout.RecordSize;
                var got = await stream.ReadAtLeastAsync(buffer.AsMemory(0, bytes), bytes, throwOnEndOfStream: false, cancellationToken);
                if (got != bytes)
                {
                    throw Short(name, header, (row * layout.RecordSize) + got);
                }

                Split(buffer, layout, row, count, columns);
            }

            if (await stream.ReadAsync(buffer.AsMemory(0, 1), cancellationToken) != 0)
            {
                throw new FileFormatException(name, string.Create(CultureInfo.InvariantCulture,
                    $"has more than the {header.DataBytes:N0} data bytes its header's shape ({header.Shape}) of {header.Schema} needs"));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return columns.ToTable();
    }

    private static FileFormatException Short(string name, NpyHeader header, long got) =>
        new(name, string.Create(CultureInfo.InvariantCulture,
            $"holds {got:N0} data bytes but its header's shape ({header.Shape}) of {header.Schema} needs {header.DataBytes:N0}; it was cut short"));

    private static unsafe void Split(byte[] buffer, RecordLayout layout, long row, int count, ColumnBuffers columns)
    {
        fixed (byte* records = buffer)
        {
            RecordTranspose.Split(records, layout.RecordSize, row, count, layout.Offsets, layout.Sizes, columns.Pointers);
        }
    }
}
