namespace Rtl.Silo.Hosting;

/// <summary>The plots a silo drew, in <c>&lt;data dir&gt;/plots/&lt;job id&gt;/</c>: a local copy of what the job store keeps.</summary>
public static class LocalPlots
{
    /// <summary>Removes the job folders last written before <paramref name="before"/>; returns how many.</summary>
    public static int Prune(string dataDir, DateTime before)
    {
        var root = new DirectoryInfo(Path.Combine(dataDir, "plots"));
        if (!root.Exists)
        {
            return 0;
        }

        var pruned = 0;
        foreach (var job in root.EnumerateDirectories().Where(d => Guid.TryParse(d.Name, out _) && d.LastWriteTimeUtc < before))
        {
            job.Delete(recursive: true);
            pruned++;
        }

        return pruned;
    }
}
