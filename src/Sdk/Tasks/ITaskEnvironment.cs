namespace Rtl.Tasks;

/// <summary>What a task may know about where it runs.</summary>
public interface ITaskEnvironment
{
    /// <summary>The directory every task file path is resolved in.</summary>
    string FilesRoot { get; }

    /// <summary>The silo's data directory (plots, results).</summary>
    string DataDirectory { get; }

    /// <summary>The silo the task runs on, as errors about its files name it.</summary>
    string SiloName => Environment.MachineName;

    /// <summary>The job this task belongs to.</summary>
    Guid JobId { get; }

    /// <summary>
    /// Resolves <paramref name="relativePath"/> inside <see cref="FilesRoot"/>; a path that leaves it
    /// (<c>..</c>, an absolute path elsewhere, a symlink out) is refused with an error naming
    /// <paramref name="argument"/>.
    /// </summary>
    string ResolvePath(string argument, params string[] relativePath);
}
