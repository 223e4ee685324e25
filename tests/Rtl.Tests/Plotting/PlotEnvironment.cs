using Rtl.Tasks;

namespace Rtl.Tests.Plotting;

/// <summary>A task environment whose data directory is a fresh temporary folder, removed afterwards.</summary>
public sealed class PlotEnvironment : ITaskEnvironment, IDisposable
{
    public string FilesRoot { get; } = Directory.CreateTempSubdirectory("rtl-plot-tests-").FullName;

    public string DataDirectory => FilesRoot;

    public Guid JobId { get; } = Guid.NewGuid();

    public string ResolvePath(string argument, params string[] relativePath) => Path.Combine([FilesRoot, .. relativePath]);

    public void Dispose() => Directory.Delete(FilesRoot, recursive: true);
}
