namespace Rtl.Grains.Hosting;

/// <summary>Resolves symlinks along a path, so a link cannot lead out of a confined folder.</summary>
internal static class RealPaths
{
    /// <summary>The full path with every symlink along it followed.</summary>
    public static string Of(string path)
    {
        var current = Path.GetPathRoot(path)!;
        foreach (var part in path[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.Exists && info.LinkTarget is not null)
            {
                current = Path.GetFullPath(info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? current);
            }
        }

        return current;
    }
}
