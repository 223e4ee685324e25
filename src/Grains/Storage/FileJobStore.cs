namespace Rtl.Grains.Storage;

/// <summary>
/// A job store in a directory every silo of the cluster shares: the data dir, when all silos run on one host
/// with SQLite. Each job is a folder <c>&lt;id&gt;/</c>; a blob is written beside its place and renamed into
/// it, so a reader never sees half of one. The folder's modification time is when the job was last written.
/// </summary>
public sealed class FileJobStore(string root) : IJobStore
{
    private const string Partial = ".partial-";

    public string Root { get; } = Path.GetFullPath(root);

    public Task WriteAsync(Guid job, string name, Action<Stream> write, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var path = PathOf(job, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + Partial + Guid.NewGuid().ToString("N");
        try
        {
            using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }

            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        Directory.SetLastWriteTimeUtc(JobFolder(job), DateTime.UtcNow);
        return Task.CompletedTask;
    }

    public Task TouchAsync(Guid job, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(JobFolder(job));
        Directory.SetLastWriteTimeUtc(JobFolder(job), DateTime.UtcNow);
        return Task.CompletedTask;
    }

    public Task<Stream?> OpenReadAsync(Guid job, string name, CancellationToken cancellation = default)
    {
        try
        {
            return Task.FromResult<Stream?>(new FileStream(PathOf(job, name), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(Guid job, string name, CancellationToken cancellation = default)
    {
        File.Delete(PathOf(job, name));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Guid>> PruneAsync(DateTimeOffset before, int keep, CancellationToken cancellation = default)
    {
        if (!Directory.Exists(Root))
        {
            return Task.FromResult<IReadOnlyList<Guid>>([]);
        }

        var jobs = new DirectoryInfo(Root).EnumerateDirectories()
            .Where(d => Guid.TryParseExact(d.Name, "N", out _))
            .OrderByDescending(d => d.LastWriteTimeUtc)
            .ToArray();
        var pruned = new List<Guid>();
        for (var i = 0; i < jobs.Length; i++)
        {
            if (i >= keep || jobs[i].LastWriteTimeUtc < before.UtcDateTime)
            {
                cancellation.ThrowIfCancellationRequested();
                jobs[i].Delete(recursive: true);
                pruned.Add(Guid.ParseExact(jobs[i].Name, "N"));
            }
        }

        return Task.FromResult<IReadOnlyList<Guid>>(pruned);
    }

    public string Describe() => $"files in {Root}";

    private string JobFolder(Guid job) => Path.Combine(Root, job.ToString("N"));

    private string PathOf(Guid job, string name) => Path.Combine(JobFolder(job), BlobNames.Checked(name));
}
