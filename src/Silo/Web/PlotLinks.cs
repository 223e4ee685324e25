using Rtl.Jobs;

namespace Rtl.Silo.Web;

/// <summary>A job's PNG plots as the web app serves them: only files its record lists, by file name.</summary>
public static class PlotLinks
{
    public static IReadOnlyList<string> Files(JobRecord record) =>
        record.Stages.SelectMany(s => s.Tasks).SelectMany(t => t.Files)
            .Where(f => f.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            .ToArray();

    public static string Url(Guid job, string file) => $"/api/jobs/{job}/plots/{Uri.EscapeDataString(Path.GetFileName(file))}";

    public static IReadOnlyList<string> Urls(JobRecord record) => Files(record).Select(f => Url(record.Id, f)).ToArray();

    /// <summary>The file behind a plot URL, or null when the record lists no plot of that name.</summary>
    public static string? Find(JobRecord record, string fileName) =>
        Files(record).FirstOrDefault(f => string.Equals(Path.GetFileName(f), fileName, StringComparison.Ordinal));
}
