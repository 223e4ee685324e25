using System.Buffers;
using System.Net;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Codecs;
using Rtl.Data;
using Rtl.Messaging.Bulk;

namespace Rtl.Messaging;

/// <summary>
/// The ticket form of a table field (format 2): the same header as the inline form, then where and under which token
/// the sender parked the columns — address length and bytes, port, 16-byte token — instead of the columns.
/// </summary>
public sealed partial class TableCodec
{
    private const byte TicketVersion = 2;

    /// <summary>
    /// Orleans writes a message body through this writer type and nothing else through it, so a table headed for
    /// grain storage or a test's serializer never becomes a ticket. Null if an Orleans upgrade renamed it: then every
    /// table goes inline as before (a test pins that it resolves).
    /// </summary>
    internal static readonly Type? MessageWriter = System.Reflection.Assembly.Load("Orleans.Core").GetTypes()
        .FirstOrDefault(t => t.FullName == "Orleans.Runtime.Messaging.MessageBufferWriter");

    internal static bool IsMessage<TBufferWriter>() => typeof(TBufferWriter) == MessageWriter;

    private static void WriteTicket<TBufferWriter>(ref Writer<TBufferWriter> writer, Table value, byte[][] names, BulkTicket ticket)
        where TBufferWriter : IBufferWriter<byte>
    {
        var address = ticket.Endpoint.Address.GetAddressBytes();
        writer.WriteVarUInt32((uint)(HeaderBytes(names) + 1 + address.Length + 4 + 16));
        WriteHeader(ref writer, TicketVersion, value, names);
        writer.WriteByte((byte)address.Length);
        writer.Write(address);
        writer.WriteInt32(ticket.Endpoint.Port);
        writer.Write(ticket.Token.ToByteArray());
    }

    private static Table ReadTicket<TInput>(ref Reader<TInput> reader, string[] names, DType[] types, int rows, long left)
    {
        var addressLength = reader.ReadByte();
        if (addressLength is not (4 or 16) || left != 1 + addressLength + 4 + 16)
        {
            throw new InvalidDataException($"a table ticket of {left} bytes with a {addressLength}-byte address is corrupt");
        }

        var address = new byte[addressLength];
        reader.ReadBytes(address);
        var port = reader.ReadInt32();
        var token = new byte[16];
        reader.ReadBytes(token);
        if (port is <= 0 or > IPEndPoint.MaxPort)
        {
            throw new InvalidDataException($"a table ticket names port {port}");
        }

        var columns = BulkFetcher.Fetch(new IPEndPoint(new IPAddress(address), port), new Guid(token), types, rows);
        var table = Table.Create(names.Select((name, i) => KeyValuePair.Create(name, columns[i])).ToArray());
        ReferenceCodec.RecordObject(reader.Session, table);
        return table;
    }
}
