using System.Collections.Concurrent;
using System.Security.Cryptography;
using Rtl.Data;

namespace Rtl.Messaging.Bulk;

/// <summary>
/// Tables waiting for their receiver to fetch them over the bulk channel, each under a random 128-bit token. Bounded:
/// past <paramref name="maxBytes"/> parked a table is refused (the codec then writes it inline), an unfetched table is
/// dropped after <paramref name="expiry"/>, and a fetched one is gone — a receiver that never fetches cannot grow the
/// process.
/// </summary>
public sealed class BulkParking(long maxBytes, TimeSpan expiry, TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, Parked> tables = new();
    private long parkedBytes;
    private long issued;
    private long fetched;

    public long ParkedBytes => Interlocked.Read(ref parkedBytes);

    /// <summary>Tables parked so far, and of them fetched: what a test or an operator checks the channel by.</summary>
    public long Issued => Interlocked.Read(ref issued);

    public long Fetched => Interlocked.Read(ref fetched);

    public int Count => tables.Count;

    /// <summary>The token to fetch <paramref name="table"/> by, or null when parking it would pass the byte cap.</summary>
    public Guid? TryPark(Table table)
    {
        Sweep();
        var bytes = table.ByteSize;
        if (Interlocked.Add(ref parkedBytes, bytes) > maxBytes)
        {
            Interlocked.Add(ref parkedBytes, -bytes);
            return null;
        }

        var token = new Guid(RandomNumberGenerator.GetBytes(16));
        tables[token] = new Parked(table, bytes, time.GetTimestamp() + (long)(expiry.TotalSeconds * time.TimestampFrequency));
        Interlocked.Increment(ref issued);
        return token;
    }

    /// <summary>The table parked under <paramref name="token"/>, once: null when unknown, already fetched or expired.</summary>
    public Table? Take(Guid token)
    {
        if (!tables.TryRemove(token, out var parked))
        {
            return null;
        }

        Interlocked.Add(ref parkedBytes, -parked.Bytes);
        if (parked.ExpiresAt <= time.GetTimestamp())
        {
            return null;
        }

        Interlocked.Increment(ref fetched);
        return parked.Table;
    }

    /// <summary>Drops every expired table (each park sweeps; the channel also sweeps on a timer).</summary>
    public void Sweep()
    {
        var now = time.GetTimestamp();
        foreach (var (token, parked) in tables)
        {
            if (parked.ExpiresAt <= now && tables.TryRemove(token, out var removed))
            {
                Interlocked.Add(ref parkedBytes, -removed.Bytes);
            }
        }
    }

    private sealed record Parked(Table Table, long Bytes, long ExpiresAt);
}
