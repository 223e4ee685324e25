using System.Reflection;

namespace Rtl.Grains.Plugins;

/// <summary>
/// The assemblies a plugin gets from the silo instead of loading its own copy: the SDK (so a
/// plugin's <c>IRtlTask</c> is the silo's <c>IRtlTask</c>), Orleans and the framework. Everything else a
/// plugin ships stays private to it, so two plugins may carry different versions of a library.
/// </summary>
public static class SharedAssemblies
{
    private static readonly string[] Names = ["Rtl.Sdk", "Rtl.Grains.Interfaces", "Rtl.Grains", "netstandard", "mscorlib"];

    private static readonly string[] Families = ["System.", "Microsoft.", "Orleans."];

    /// <summary>Names the silo itself can load (framework and its own dependencies), read once.</summary>
    private static readonly Lazy<HashSet<string>> Host = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase));

    public static bool IsShared(AssemblyName name) => name.Name is { } simple && IsShared(simple);

    public static bool IsShared(string name) =>
        Names.Contains(name, StringComparer.OrdinalIgnoreCase)
        || name.Equals("System", StringComparison.OrdinalIgnoreCase)
        // A family member the silo lacks (a plugin's own Microsoft.ML, say) is the plugin's to bring.
        || (Families.Any(f => name.StartsWith(f, StringComparison.OrdinalIgnoreCase)) && Host.Value.Contains(name));
}
