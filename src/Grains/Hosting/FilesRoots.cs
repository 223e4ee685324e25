namespace Rtl.Grains.Hosting;

/// <summary>
/// What a silo's files root may be. By default a folder of its own, <c>&lt;data dir&gt;/files</c>, created on first
/// start. Never the data dir itself or its jobs, plots or plugins; never <c>/</c>, the home directory or a folder
/// above it unless forced. Whatever it is, task paths never reach the data dir or the plugins folder
/// (<see cref="Protected"/>), even when they sit inside it.
/// </summary>
public static class FilesRoots
{
    public const string DefaultFolder = "files";

    /// <summary>Checks the files root <paramref name="options"/> give, creating the default one; a bad one is an error that says why.</summary>
    public static void Prepare(RtlOptions options)
    {
        var root = options.ResolvedFilesRoot;
        if (options.FilesRoot is null)
        {
            Directory.CreateDirectory(root);
        }
        else if (!Directory.Exists(root))
        {
            throw new ArgumentException($"files root {root} does not exist: create it, or leave --files-root out to use {DefaultFor(options.DataDir)}");
        }

        var real = RealPaths.Of(root);
        var data = RealPaths.Of(Path.GetFullPath(options.DataDir));
        if (real == data)
        {
            throw new ArgumentException($"files root {root} is the data dir: every job could read rtl.db and other jobs' results; "
                + $"use a folder of its own, such as {DefaultFor(options.DataDir)} (the default)");
        }

        foreach (var reserved in (string[])[Path.Combine(data, "jobs"), Path.Combine(data, "plots"), RealPaths.Of(options.ResolvedPluginsDir)])
        {
            if (IsInside(real, reserved))
            {
                throw new ArgumentException($"files root {root} is inside {reserved}, which jobs must not reach; use a folder of its own");
            }
        }

        if (!options.ForceFilesRoot && Broad(real) is { } what)
        {
            throw new ArgumentException($"files root {root} is {what}: every job could read and overwrite anything in it; "
                + $"use a folder of its own (default {DefaultFor(options.DataDir)}), or pass --force-files-root if you mean it");
        }
    }

    /// <summary>
    /// The folders no task path may enter: the plugins folder (a file there is code the silo loads), and the data
    /// dir unless the files root is a folder inside it (then only that folder is reachable, never its neighbours).
    /// </summary>
    public static string[] Protected(string filesRoot, string dataDir, string pluginsDir)
    {
        var data = RealPaths.Of(Path.GetFullPath(dataDir));
        var plugins = RealPaths.Of(Path.GetFullPath(pluginsDir));
        var root = RealPaths.Of(Path.GetFullPath(filesRoot));
        return root != data && IsInside(root, data) ? [plugins] : [data, plugins];
    }

    public static string DefaultFor(string dataDir) => Path.GetFullPath(Path.Combine(dataDir, DefaultFolder));

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or inside it (both full, real paths).</summary>
    public static bool IsInside(string path, string folder) =>
        path == folder || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string? Broad(string real)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (real == Path.GetPathRoot(real))
        {
            return "the root of the file system";
        }

        if (home.Length == 0)
        {
            return null;
        }

        var realHome = RealPaths.Of(Path.GetFullPath(home));
        return real == realHome ? "the home directory" : IsInside(realHome, real) ? $"above the home directory {realHome}" : null;
    }
}
