using System.Globalization;
using Rtl.Grains.Hosting;
using Rtl.Silo.Web;

namespace Rtl.Silo.Hosting;

/// <summary>The silo's memory limits in one line of its start-up output, so a Pi's owner sees what its defaults came to.</summary>
public static class MemoryLimits
{
    public const string Line = "Memory";

    public static string Describe(RtlOptions options) => string.Create(CultureInfo.InvariantCulture,
        $"{Line}: {Size(RtlOptions.AvailableMemory)} for this silo; input tables up to {Size(options.MaxTableBytes)} (MaxTableBytes), "
        + $"request bodies up to {Size(RequestLimits.MaxBodyBytes(options.MaxTableBytes))}, a job's plan up to {Size(options.ResolvedMemoryBudget)} (MemoryBudget)");

    public static string Size(long bytes) => bytes >= 1L << 30
        ? (bytes / (double)(1L << 30)).ToString("0.# GiB", CultureInfo.InvariantCulture)
        : (bytes / (double)(1L << 20)).ToString("0.# MiB", CultureInfo.InvariantCulture);
}
