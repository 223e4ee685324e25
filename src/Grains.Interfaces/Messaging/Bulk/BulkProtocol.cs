namespace Rtl.Messaging.Bulk;

/// <summary>
/// The bulk channel's wire: a request is <see cref="Magic"/> and a 16-byte token; the answer is one status byte, then,
/// when <see cref="Found"/>, the total byte count (8 bytes, little-endian) and every column's raw bytes in order.
/// A connection carries any number of requests, one after another.
/// </summary>
public static class BulkProtocol
{
    public const int RequestBytes = 4 + 16;

    public const byte Found = 0;

    public const byte Unknown = 1;

    /// <summary>"RTLB": a peer that is not a bulk channel fetcher is refused on its first bytes.</summary>
    public static ReadOnlySpan<byte> Magic => "RTLB"u8;

    /// <summary>A fetcher waits this long for a connection.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Either side gives up on a peer that sends or takes nothing for this long mid-transfer.</summary>
    public static readonly TimeSpan TransferTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The listener closes a connection idle this long; fetchers drop pooled ones idle for half of it.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(2);
}
