using Rtl.Tasks;

namespace Rtl.Grains.Hosting;

/// <summary>
/// Where a task runs: the silo's files root and data directory, confined paths. A path must stay inside the files
/// root and out of the folders <see cref="FilesRoots.Protected"/> names (the data dir, the plugins folder).
/// </summary>
public sealed class TaskEnvironment(string filesRoot, string dataDirectory, Guid jobId, string? siloName = null, string? pluginsDirectory = null) : ITaskEnvironment
{
    public string SiloName { get; } = siloName ?? Environment.MachineName;

    public string FilesRoot { get; } = Path.GetFullPath(filesRoot);

    public string DataDirectory { get; } = Path.GetFullPath(dataDirectory);

    public Guid JobId { get; } = jobId;

    // Resolved when a path is, not per job: following the links along three folders is ~30 file-system calls, more
    // than the rest of a null job, and most jobs (every one with no file task) never resolve a path.
    private string[]? protectedFolders;

    private string[] ProtectedFolders => protectedFolders ??=
        FilesRoots.Protected(FilesRoot, DataDirectory, pluginsDirectory ?? Path.Combine(DataDirectory, "plugins"));

    /// <summary>The environment a silo with these options gives a task of <paramref name="jobId"/>.</summary>
    public static TaskEnvironment For(RtlOptions options, Guid jobId, string siloName) =>
        new(options.ResolvedFilesRoot, options.DataDir, jobId, siloName, options.ResolvedPluginsDir);

    public string ResolvePath(string argument, params string[] relativePath)
    {
        var written = Path.Combine(relativePath);
        var full = Path.GetFullPath(Path.Combine(FilesRoot, written));
        var real = RealPaths.Of(full);
        if (!FilesRoots.IsInside(full, FilesRoot) || !FilesRoots.IsInside(real, RealPaths.Of(FilesRoot)))
        {
            throw new TaskArgumentException(argument, $"path '{written}' is outside the files root {FilesRoot}");
        }

        if (ProtectedFolders.FirstOrDefault(folder => FilesRoots.IsInside(real, folder)) is { } reserved)
        {
            throw new TaskArgumentException(argument, $"path '{written}' is inside {reserved}, the silo's own data, which tasks cannot reach");
        }

        return full;
    }
}
