using Rtl.Grains.Hosting;

namespace Rtl.Grains.Plugins;

/// <summary>Keeps plugin loading inside the plugins folder: no file is loaded from anywhere else, links included.</summary>
internal static class PluginPaths
{
    public static bool IsInside(string path, string root)
    {
        var real = RealPaths.Of(Path.GetFullPath(path));
        var realRoot = RealPaths.Of(Path.GetFullPath(root)).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return real.StartsWith(realRoot, StringComparison.Ordinal);
    }
}
