using System.Reflection;
using System.Runtime.Loader;

namespace Rtl.Grains.Plugins;

/// <summary>
/// One plugin's own load context: its dependencies come from its <c>.deps.json</c> (or its folder), the
/// shared assemblies from the silo, and no file from outside <paramref name="root"/>.
/// </summary>
internal sealed class PluginLoadContext(string mainAssembly, string root)
    : AssemblyLoadContext($"plugin:{Path.GetFileNameWithoutExtension(mainAssembly)}", isCollectible: false)
{
    private readonly AssemblyDependencyResolver resolver = new(mainAssembly);

    protected override Assembly? Load(AssemblyName name)
    {
        if (SharedAssemblies.IsShared(name))
        {
            return null; // the default context's copy: the silo's types
        }

        return resolver.ResolveAssemblyToPath(name) is { } path && Allowed(path) ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path && Allowed(path)
            ? LoadUnmanagedDllFromPath(path)
            : IntPtr.Zero;

    private bool Allowed(string path) =>
        PluginPaths.IsInside(path, root)
            ? true
            : throw new FileLoadException($"refused to load '{path}': plugins load only from {root}");
}
