using Rtl.Tasks;

namespace Rtl.Tests.Tasks;

/// <summary>A task environment over a temporary directory, for kernels that never touch files.</summary>
public sealed class TestEnvironment : ITaskEnvironment
{
    public static TestEnvironment Instance { get; } = new();

    public string FilesRoot { get; } = Path.Combine(Path.GetTempPath(), "rtl-task-tests");

    public string DataDirectory => FilesRoot;

    public Guid JobId { get; } = Guid.NewGuid();

    public string ResolvePath(string argument, params string[] relativePath)
    {
        var full = Path.GetFullPath(Path.Combine([FilesRoot, .. relativePath]));
        return full.StartsWith(FilesRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new TaskArgumentException(argument, $"path '{Path.Combine(relativePath)}' is outside the files root");
    }
}
