using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using Xunit;

namespace Rtl.IntegrationTests.Plugins;

/// <summary>Builds <c>examples/plugins/Rtl.Plugins.Sample</c> the way a user installs it: <c>dotnet publish -o &lt;plugins&gt;/Rtl.Plugins.Sample</c>.</summary>
public static class SamplePlugin
{
    public const string Name = "Rtl.Plugins.Sample";

    public static string Project => Path.Combine(RepoRoot(), "examples", "plugins", Name);

    private static readonly TimeSpan PublishPatience = TimeSpan.FromMinutes(12);

    /// <summary>Publishes the sample into <paramref name="folder"/>, building in <paramref name="artifacts"/> so the checkout's obj/ is left alone.</summary>
    public static async Task Publish(string folder, string artifacts)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // No build servers: a lingering msbuild node would hold our output pipes open.
        foreach (var arg in new[] { "publish", Project, "-c", "Release", "-o", folder, "--artifacts-path", artifacts, "--disable-build-servers", "-nologo" })
        {
            start.ArgumentList.Add(arg);
        }

        // `dotnet test` leaves MSBuild's own settings in the environment; a nested build must pick its own.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // About a minute on a quiet 2-core box; builds of three other clones alongside once took it past 5 (with analyzers on).
        using var cancel = new CancellationTokenSource(PublishPatience);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish {Project} did not finish within {PublishPatience.TotalMinutes} minutes");
        }

        Assert.True(process.ExitCode == 0, $"dotnet publish {Project}: exit {process.ExitCode}\n{await stdout}\n{await stderr}");
        Assert.True(File.Exists(Path.Combine(folder, Name + ".dll")), $"no {Name}.dll in {folder}");
        // The silo provides the SDK, Orleans and the framework: the plugin carries none of them.
        var carried = Directory.GetFiles(folder, "*.dll").Select(Path.GetFileName).Where(f => f != Name + ".dll").ToArray();
        Assert.True(carried.Length == 0, $"{folder} holds copies of {string.Join(", ", carried)}");
        // Built against the SDK alone: nothing of the engine or Orleans is even referenced.
        var references = PluginReferences(Path.Combine(folder, Name + ".dll"));
        Assert.Contains("Rtl.Sdk", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Orleans", StringComparison.Ordinal) || (r.StartsWith("Rtl.", StringComparison.Ordinal) && r != "Rtl.Sdk"));
    }

    /// <summary>The assembly names a plugin's metadata references, read without loading it.</summary>
    private static string[] PluginReferences(string dll)
    {
        using var stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return [.. metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name))];
    }

    /// <summary>The checkout this file was compiled from (the tests may run from an artifacts path elsewhere).</summary>
    private static string RepoRoot([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(source), AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, "Rtl.sln")))
                {
                    return dir;
                }
            }
        }

        throw new DirectoryNotFoundException("cannot find the checkout (Rtl.sln) holding examples/plugins");
    }
}
