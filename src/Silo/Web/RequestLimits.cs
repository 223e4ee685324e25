using System.Globalization;
using Rtl.Grains.Hosting;

namespace Rtl.Silo.Web;

/// <summary>
/// The largest request body the web app reads, derived from <see cref="RtlOptions.MaxTableBytes"/>: a table as JSON
/// text takes up to about three times its binary size, so four times the limit — at least 1 MiB for the pipeline, at
/// most a quarter of the memory the silo may use (<see cref="RtlOptions.AvailableMemory"/>) and at most 1 GiB, so a
/// body fits in memory beside what it becomes. Bigger bodies are a 413 that names the limit.
/// </summary>
public static class RequestLimits
{
    public const long MinBodyBytes = 1L << 20;

    public const long MaxBodyBytesCap = 1L << 30;

    public static long MaxBodyBytes(long maxTableBytes)
    {
        var cap = Math.Max(MinBodyBytes, Math.Min(MaxBodyBytesCap, RtlOptions.AvailableMemory / 4));
        return maxTableBytes >= cap / 4 ? cap : Math.Max(4 * maxTableBytes, MinBodyBytes);
    }

    /// <summary>How much of a too-big body is still read (and dropped) so its sender gets the 413: up to twice the limit, at most 64 MiB more.</summary>
    public static long DrainBytes(long limit) => limit + Math.Min(limit, 64L << 20);

    public static string Describe(long limit) => string.Create(CultureInfo.InvariantCulture,
        $"request body: over this silo's limit of {limit:N0} bytes (4 × MaxTableBytes, at least 1 MiB, at most a quarter of its memory and 1 GiB; set with MaxTableBytes, --max-table-bytes); send bigger tables with the client SDK or `rtl run --input`");
}
