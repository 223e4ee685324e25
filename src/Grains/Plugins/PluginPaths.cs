namespace Rtl.Plugins;

/// <summary>Keeps plugin loading inside the plugins folder: no file is loaded from anywhere else, links included.</summary>
internal static class PluginPaths
{
    public static bool IsInside(string path, string root)
    {
        var real = RealPath(Path.GetFullPath(path));
        var realRoot = RealPath(Path.GetFullPath(root)).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return real.StartsWith(realRoot, StringComparison.Ordinal);
    }

    /// <summary>The path with every symlink along it followed, so a link cannot lead out of the folder.</summary>
    public static string RealPath(string path)
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
