using System.Reflection;
using System.Runtime.InteropServices;
using Rtl.Numerics;

namespace Rtl.Silo.Cli;

/// <summary>What <c>rtl --version</c> prints: which build this is and what it runs on, for a bug report from a Pi.</summary>
public static class ReleaseInfo
{
    public static string Version =>
        typeof(ReleaseInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>e.g. <c>rtl 0.11.0+61bad01 linux-arm64, self-contained, .NET 10.0.5, Debian GNU/Linux 12 (Arm64), kernels 128-bit vectors</c>.</summary>
    public static string Describe()
    {
        var packaging = IsSelfContained() ? "self-contained" : "on the installed .NET runtime";
        return $"rtl {Version} {RuntimeInformation.RuntimeIdentifier}, {packaging}, {RuntimeInformation.FrameworkDescription}, "
            + $"{RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}), {VectorWidths.Describe()}";
    }

    /// <summary>A self-contained release carries the runtime beside <c>rtl</c>; a framework-dependent one does not.</summary>
    private static bool IsSelfContained() =>
        File.Exists(Path.Combine(AppContext.BaseDirectory, "libcoreclr.so"));
}
