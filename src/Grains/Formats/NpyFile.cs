using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Rtl.Data;
using Rtl.Grains.Formats.Internals;

namespace Rtl.Grains.Formats;

/// <summary>
/// numpy's own <c>.npy</c> (format versions 1–3): a text header with the dtype and shape, then the
/// raw data. Structured 1-D arrays map to tables column for column; a plain 1-D array is one column
/// <c>0</c>, a plain 2-D array columns <c>0</c>, <c>1</c>, … No <c>.meta</c> is needed.
/// </summary>
public static partial class NpyFile
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>The array's columns; with <paramref name="pick"/> only those at these indices of its fields, in that order.</summary>
    public static Table Read(string path, IReadOnlyList<int>? pick = null)
    {
        using var file = DataFile.OpenRead(path, "a numpy .npy file");
        var length = RandomAccess.GetLength(file);
        var (header, dataOffset) = ReadHeader(file, path, length);
        return ReadData(file, path, header, dataOffset, length - dataOffset, pick);
    }

    /// <summary>
    /// The columns a <c>Read</c> would give and at most how many rows, from the header alone: its shape,
    /// but never more rows than the bytes after it can hold (a header may claim any shape).
    /// </summary>
    public static (TableSchema Schema, long Rows) ReadPlan(string path)
    {
        using var file = DataFile.OpenRead(path, "a numpy .npy file");
        var length = RandomAccess.GetLength(file);
        var (header, dataOffset) = ReadHeader(file, path, length);
        var (schema, rows, _, _) = Parse(path, header);
        var rowBytes = schema.Columns.Sum(c => (long)c.Type.Size());
        return (schema, rowBytes == 0 ? 0 : Math.Min(rows, (length - dataOffset) / rowBytes));
    }

    public static void Write(string path, Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var header = Header(table, path);
        var layout = new RecordLayout(table.Schema);
        using var stream = DataFile.OpenWrite(path, header.Length + ((long)layout.RecordSize * table.RowCount));
        stream.Write(header);
        DatFile.WriteRecords(stream, table);
    }

    /// <summary>How many bytes <see cref="Write(Stream, Table, string)"/> writes for the table: header and records.</summary>
    public static long ByteSize(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Header(table, "table").Length + ((long)new RecordLayout(table.Schema).RecordSize * table.RowCount);
    }

    /// <summary>Byte for byte what numpy 1.24's <c>np.save</c> writes before the data.</summary>
    private static byte[] Header(Table table, string path)
    {
        if (table.ColumnCount == 0)
        {
            throw new FileFormatException(path, "a table without columns cannot be written as .npy");
        }

        // Room for the row count to grow in place (numpy's GROWTH_AXIS_MAX_DIGITS), then spaces and a
        // newline so the data starts on a 64-byte boundary.
        var rows = table.RowCount.ToString(CultureInfo.InvariantCulture);
        var dict = $"{{'descr': {NumpyDtype.Descr(table.Schema)}, 'fortran_order': False, 'shape': ({rows},), }}"
            + new string(' ', 21 - rows.Length);

        // Versions 1 and 2 are Latin-1 with a 16- or 32-bit length; 3 is UTF-8.
        var latin1 = dict.All(c => c <= '\xff');
        var text = latin1 ? Encoding.Latin1.GetBytes(dict) : Encoding.UTF8.GetBytes(dict);
        var version = !latin1 ? 3 : Padded(10, text.Length) - 10 > ushort.MaxValue ? 2 : 1;
        var prefix = version == 1 ? 10 : 12;
        var header = new byte[Padded(prefix, text.Length)];
        Magic.CopyTo(header);
        header[6] = (byte)version;
        if (version == 1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), (ushort)(header.Length - prefix));
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), (uint)(header.Length - prefix));
        }

        text.CopyTo(header.AsSpan(prefix));
        header.AsSpan(prefix + text.Length).Fill((byte)' ');
        header[^1] = (byte)'\n';
        return header;
    }

    // numpy always pads, by a whole 64 bytes when the text alone would already end on the boundary.
    private static int Padded(int prefix, int text) => prefix + text + 1 + (64 - ((prefix + text + 1) % 64));
    private static (string Header, long DataOffset) ReadHeader(SafeFileHandle file, string path, long length)
    {
        Span<byte> prefix = stackalloc byte[12];
        var read = RandomAccess.Read(file, prefix, 0);
        var (start, size, utf8) = HeaderSize(prefix[..read], path);
        if (start + size > length)
        {
            throw new FileFormatException(path, $"the .npy header says it is {size} bytes but the file holds only {length}");
        }

        var bytes = new byte[size];
        RandomAccess.Read(file, bytes, start);
        return (HeaderText(bytes, utf8), start + size);
    }

    /// <summary>Where the header text starts, how long it is and its encoding, from the file's first 10–12 bytes.</summary>
    private static (int Start, long Size, bool Utf8) HeaderSize(ReadOnlySpan<byte> prefix, string path)
    {
        if (prefix.Length < 10 || !prefix.StartsWith(Magic))
        {
            throw new FileFormatException(path, "is not a .npy file (expected it to start with \\x93NUMPY)");
        }

        var version = prefix[6];
        if (version is < 1 or > 3 || (version > 1 && prefix.Length < 12))
        {
            throw new FileFormatException(path, $".npy format version {version}.{prefix[7]} is not supported (1.0, 2.0, 3.0 are)");
        }

        return version == 1
            ? (10, BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..]), false)
            : (12, BinaryPrimitives.ReadUInt32LittleEndian(prefix[8..]), version == 3);
    }

    private static string HeaderText(byte[] bytes, bool utf8) =>
        (utf8 ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes)).Trim();

    private static Table ReadData(SafeFileHandle file, string path, string header, long offset, long available, IReadOnlyList<int>? pick)
    {
        var (schema, rows, dims, fortran) = Parse(path, header);
        var needed = rows * new RecordLayout(schema).RecordSize;
        if (available < needed)
        {
            throw new FileFormatException(path,
                $"holds {available} data bytes but its header's shape ({string.Join(", ", dims)}) of {schema} needs {needed}");
        }

        if (!fortran || schema.Columns.Count == 1)
        {
            return DatFile.ReadRecords(file, path, schema, offset, needed, pick);
        }

        // Fortran order stores each column contiguously: read the wanted ones one by one.
        var size = schema.Columns[0].Type.Size();
        return Table.Create((pick ?? [.. Enumerable.Range(0, schema.Columns.Count)]).Select(i => KeyValuePair.Create(schema.Columns[i].Name,
            DatFile.ReadRecords(file, path, new TableSchema([schema.Columns[i]]), offset + (i * rows * size), rows * size)[0])));
    }

    private static (TableSchema Schema, long Rows, long[] Dims, bool Fortran) Parse(string path, string header)
    {
        try
        {
            if (PyLiteral.Parse(header) is not PyDict dict
                || !dict.Entries.TryGetValue("descr", out var descr)
                || dict.Entries.GetValueOrDefault("shape") is not PyTuple shape
                || shape.Items.Any(d => d is not long))
            {
                throw new FormatException("expected {'descr': ..., 'fortran_order': ..., 'shape': (...)}");
            }

            var dims = shape.Items.Cast<long>().ToArray();
            var schema = NumpyDtype.FromLiteral(descr);
            var structured = descr is PyList or PyDict;
            var (rows, width) = (dims.Length, structured) switch
            {
                (0, _) => (1L, 1L),
                (1, _) => (dims[0], 1L),
                (2, false) => (dims[0], dims[1]),
                _ => throw new FormatException(
                    $"only 1-D arrays{(structured ? "" : " and 2-D plain arrays")} map to a table, not shape ({string.Join(", ", dims)})"),
            };

            if (width != 1)
            {
                schema = new TableSchema(Enumerable.Range(0, (int)width)
                    .Select(i => new ColumnSchema(i.ToString(CultureInfo.InvariantCulture), schema.Columns[0].Type)));
            }

            return (schema, rows, dims, dict.Entries.GetValueOrDefault("fortran_order") is true);
        }
        catch (FormatException e)
        {
            throw new FileFormatException(path, $"the .npy header {header} is not supported: {e.Message}", e);
        }
    }
}
