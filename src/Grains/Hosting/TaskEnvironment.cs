using Rtl.Tasks;

namespace Rtl.Hosting;

/// <summary>Where a task runs: the silo's files root and data directory, confined paths.</summary>
public sealed class TaskEnvironment(string filesRoot, string dataDirectory, Guid jobId, string? siloName = null) : ITaskEnvironment
{
    public string SiloName { get; } = siloName ?? Environment.MachineName;

    public string FilesRoot { get; } = Path.GetFullPath(filesRoot);

    public string DataDirectory { get; } = Path.GetFullPath(dataDirectory);

    public Guid JobId { get; } = jobId;

    public string ResolvePath(string argument, params string[] relativePath)
    {
        var written = Path.Combine(relativePath);
        var full = Path.GetFullPath(Path.Combine(FilesRoot, written));
        var root = RealPaths.Of(FilesRoot);
        if (!IsInside(full, FilesRoot) || !IsInside(RealPaths.Of(full), root))
        {
            throw new TaskArgumentException(argument, $"path '{written}' is outside the files root {FilesRoot}");
        }

        return full;
    }

    private static bool IsInside(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
