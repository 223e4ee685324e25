using System.Net;

namespace Rtl.Messaging.Bulk;

/// <summary>Where a process's bulk channel listens and what it parks.</summary>
public sealed class BulkChannelOptions
{
    public static readonly TimeSpan DefaultExpiry = TimeSpan.FromSeconds(60);

    /// <summary>The address the listener binds (the wildcard when the silo listens on every address).</summary>
    public IPAddress Bind { get; init; } = IPAddress.Loopback;

    /// <summary>The address receivers connect to: the silo's advertised one.</summary>
    public IPAddress Advertised { get; init; } = IPAddress.Loopback;

    /// <summary>0 picks any free port.</summary>
    public int Port { get; init; }

    /// <summary>Smaller tables stay inline in their Orleans message: a ticket's extra round trip costs more than it saves.</summary>
    public long MinBytes { get; init; } = 1 << 20;

    /// <summary>Bytes parked at once; past it tables go inline. Default an eighth of the process's memory, 64 MB–1 GB.</summary>
    public long MaxParkedBytes { get; init; } = Math.Clamp(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 8, 64L << 20, 1L << 30);

    /// <summary>An unfetched table is dropped after this long.</summary>
    public TimeSpan Expiry { get; init; } = DefaultExpiry;
}
