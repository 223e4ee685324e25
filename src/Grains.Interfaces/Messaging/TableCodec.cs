using System.Buffers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.WireProtocol;
using Rtl.Data;
using Rtl.Messaging.Bulk;

namespace Rtl.Messaging;

/// <summary>
/// Wire format of a <see cref="Table"/>: one length-prefixed field holding a small header (row and
/// column counts, each column's name and dtype) followed by every column as one raw little-endian
/// byte block. Orleans' element-by-element array encoding moved ~190 MB/s; block copies move at
/// memory speed. In an Orleans message from a process whose <see cref="BulkChannel"/> runs, a large table is parked
/// there and the field holds a ticket instead of the columns (TableCodec.Ticket.cs).
/// </summary>
[RegisterSerializer]
public sealed partial class TableCodec(IServiceProvider services) : IFieldCodec<Table>
{
    private const byte FormatVersion = 1;

    private readonly BulkChannel? channel = services.GetService<BulkChannel>();

    public void WriteField<TBufferWriter>(
        ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, Table? value)
        where TBufferWriter : IBufferWriter<byte>
    {
        if (ReferenceCodec.TryWriteReferenceField(ref writer, fieldIdDelta, expectedType, value))
        {
            return;
        }

        writer.WriteFieldHeader(fieldIdDelta, expectedType, typeof(Table), WireType.LengthPrefixed);
        var names = value.Names.Select(Encoding.UTF8.GetBytes).ToArray();
        if (IsMessage<TBufferWriter>() && channel?.TryPark(value) is { } ticket)
        {
            WriteTicket(ref writer, value, names, ticket);
            return;
        }

        var total = HeaderBytes(names) + value.ByteSize;
        if (total > uint.MaxValue)
        {
            throw new InvalidOperationException($"a table of {total} bytes exceeds the 4 GiB wire limit");
        }

        writer.WriteVarUInt32((uint)total);
        WriteHeader(ref writer, FormatVersion, value, names);

        foreach (var block in new ColumnBlocks(value))
        {
            writer.Write(block);
        }
    }

    public Table ReadValue<TInput>(ref Reader<TInput> reader, Field field)
    {
        if (field.WireType == WireType.Reference)
        {
            return ReferenceCodec.ReadReference<Table, TInput>(ref reader, field)!;
        }

        field.EnsureWireType(WireType.LengthPrefixed);
        var length = reader.ReadVarUInt32();
        var start = reader.Position;
        var version = reader.ReadByte();
        if (version != FormatVersion && version != TicketVersion)
        {
            throw new InvalidDataException($"table wire format {version} is not supported (expected {FormatVersion} or {TicketVersion})");
        }

        var rows = reader.ReadInt32();
        var count = reader.ReadInt32();
        if (rows < 0 || count < 0 || count > length)
        {
            throw new InvalidDataException($"a table header with {rows} rows and {count} columns is corrupt");
        }

        var names = new string[count];
        var types = new DType[count];
        long rowBytes = 0;
        for (var i = 0; i < count; i++)
        {
            var nameLength = reader.ReadInt32();
            if (nameLength < 0 || nameLength > length)
            {
                throw new InvalidDataException($"a table column name of {nameLength} bytes is corrupt");
            }

            var name = new byte[nameLength];
            reader.ReadBytes(name);
            names[i] = Encoding.UTF8.GetString(name);
            types[i] = (DType)reader.ReadByte();
            rowBytes += ElementSize(types[i]);
        }

        if (version == TicketVersion)
        {
            return ReadTicket(ref reader, names, types, rows, length - (reader.Position - start));
        }

        // Check the columns against the declared length before allocating them, so a corrupt or hostile
        // frame fails here instead of allocating gigabytes first.
        var dataBytes = length - (reader.Position - start);
        var fits = rowBytes == 0 ? dataBytes == 0 : dataBytes % rowBytes == 0 && dataBytes / rowBytes == rows;
        if (!fits || dataBytes > reader.Remaining)
        {
            throw new InvalidDataException(
                $"a table of {rows} rows × {count} columns does not match its declared {length} bytes");
        }

        var columns = new KeyValuePair<string, Column>[count];
        for (var i = 0; i < count; i++)
        {
            // Straight from the frame into the column's own (unzeroed) array, segment by segment when the
            // frame arrived in many network buffers.
            var allocation = Column.Allocate(types[i], rows);
            reader.ReadBytes(allocation.WritableBytes);
            columns[i] = KeyValuePair.Create(names[i], allocation.Column);
        }

        var table = Table.Create(columns);
        ReferenceCodec.RecordObject(reader.Session, table);
        return table;
    }

    private static long HeaderBytes(byte[][] names) => 1 + 4 + 4 + names.Sum(n => 4 + n.Length + 1);

    private static void WriteHeader<TBufferWriter>(ref Writer<TBufferWriter> writer, byte version, Table value, byte[][] names)
        where TBufferWriter : IBufferWriter<byte>
    {
        writer.WriteByte(version);
        writer.WriteInt32(value.RowCount);
        writer.WriteInt32(value.ColumnCount);
        for (var i = 0; i < names.Length; i++)
        {
            writer.WriteInt32(names[i].Length);
            writer.Write(names[i]);
            writer.WriteByte((byte)value[i].Type);
        }
    }

    private static int ElementSize(DType type) => type switch
    {
        DType.I8 or DType.F8 or DType.I4 or DType.F4 or DType.B1 or DType.U1 => type.Size(),
        _ => throw new InvalidDataException($"unknown dtype {(byte)type} in a table frame"),
    };
}

/// <summary>Tables are immutable, so a local call may pass the same instance instead of a copy.</summary>
[RegisterCopier]
public sealed class TableCopier : IDeepCopier<Table>
{
    public Table? DeepCopy(Table? input, CopyContext context) => input;
}
