using System.Runtime.Loader;
using Rtl.Data;
using Rtl.Grains.Plugins;
using Rtl.Grains.Registry;
using Rtl.Grains.Tasks;
using Rtl.Tasks;
using Xunit;

namespace Rtl.Tests.Plugins;

/// <summary>
/// The loader against a plugins folder holding a copy of this test assembly (its tasks are in
/// <see cref="PluginEchoTask"/>'s file) and assorted broken plugins.
/// </summary>
public sealed class PluginLoaderTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "rtl-plugins-" + Guid.NewGuid().ToString("N"));
    private readonly ListLogger log = new();

    public PluginLoaderTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static string TestAssembly => typeof(PluginEchoTask).Assembly.Location;

    /// <summary>Drops this test assembly in as <c>&lt;plugins&gt;/&lt;name&gt;/&lt;name&gt;.dll</c>.</summary>
    private string DropFolderPlugin(string name = "Rtl.Tests")
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        var file = Path.Combine(folder, name + ".dll");
        File.Copy(TestAssembly, file);
        return file;
    }

    [Fact]
    public void A_missing_plugins_folder_leaves_the_built_in_tasks()
    {
        var registry = PluginLoader.Registry(Path.Combine(root, "absent"), log);
        Assert.Equal(TaskRegistry.BuiltIn().All.Select(t => t.Name), registry.All.Select(t => t.Name));
        Assert.Empty(log.Entries);
    }

    [Fact]
    public void A_folder_plugin_loads_in_its_own_context_sharing_the_task_interface()
    {
        var file = DropFolderPlugin();
        var registry = PluginLoader.Registry(root, log);

        Assert.True(registry.TryFind("plugin_echo", out var echo));
        Assert.Equal(file, registry.PluginFile("plugin_echo"));
        Assert.Null(registry.PluginFile("add"));
        // Its own copy of the assembly, not the test's: isolated, yet its IRtlTask is the silo's IRtlTask.
        Assert.NotSame(typeof(PluginEchoTask), echo.GetType());
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(echo.GetType().Assembly));
        Assert.Same(typeof(IRtlTask).Assembly, echo.GetType().GetInterface(nameof(IRtlTask))!.Assembly);

        var table = Table.Create(("x", Column.Of(1.0, 2.0)));
        Assert.Same(table, echo.Run(TaskArgs.Parse("{}"), table, null!).Table);
    }

    [Fact]
    public void A_name_clash_a_throwing_constructor_and_a_camel_case_name_are_skipped_with_warnings()
    {
        var file = DropFolderPlugin();
        var registry = PluginLoader.Registry(root, log);

        Assert.True(registry.TryFind("add", out var add));
        Assert.IsType<AddTask>(add);
        Assert.False(registry.TryFind("plugin_throwing_constructor", out _));
        Assert.False(registry.TryFind("pluginCamel", out _));
        Assert.Contains(log.Warnings, w => w.Contains(file) && w.Contains("'add'") && w.Contains("taken by a built-in task"));
        Assert.Contains(log.Warnings, w => w.Contains(file) && w.Contains(nameof(PluginThrowingConstructorTask)) && w.Contains("constructor refuses to run"));
        Assert.Contains(log.Warnings, w => w.Contains(file) && w.Contains("'pluginCamel' is not canonical"));
    }

    [Fact]
    public void A_second_plugin_with_the_same_task_name_is_skipped_and_the_first_kept()
    {
        var first = DropFolderPlugin();
        var second = Path.Combine(root, "Rtl.Tests.dll");
        File.Copy(TestAssembly, second);
        var registry = PluginLoader.Registry(root, log);

        Assert.Equal(first, registry.PluginFile("plugin_echo"));
        Assert.Contains(log.Warnings, w => w.Contains(second) && w.Contains("'plugin_echo'") && w.Contains($"the plugin {first}"));
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_and_a_folder_without_its_dll_are_skipped_with_warnings()
    {
        var bad = Path.Combine(root, "Broken.dll");
        File.WriteAllText(bad, "not a PE file");
        Directory.CreateDirectory(Path.Combine(root, "Empty"));
        DropFolderPlugin();

        var registry = PluginLoader.Registry(root, log);

        Assert.True(registry.TryFind("plugin_echo", out _));
        Assert.Contains(log.Warnings, w => w.Contains(bad) && w.Contains("BadImageFormatException"));
        Assert.Contains(log.Warnings, w => w.Contains(Path.Combine(root, "Empty")) && w.Contains("Empty.dll"));
    }

    [Fact]
    public void A_stray_copy_of_the_sdk_is_not_taken_for_a_plugin()
    {
        File.Copy(typeof(IRtlTask).Assembly.Location, Path.Combine(root, "Rtl.Sdk.dll"));
        var registry = PluginLoader.Registry(root, log);
        Assert.Equal(TaskRegistry.BuiltIn().All.Count, registry.All.Count);
        Assert.Empty(log.Warnings);
    }

    [Fact]
    public void A_link_out_of_the_plugins_folder_is_refused()
    {
        var outside = Path.Combine(Path.GetTempPath(), "rtl-outside-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            var target = Path.Combine(outside, "Rtl.Tests.dll");
            File.Copy(TestAssembly, target);
            var link = Path.Combine(root, "Rtl.Tests.dll");
            File.CreateSymbolicLink(link, target);

            var registry = PluginLoader.Registry(root, log);

            Assert.False(registry.TryFind("plugin_echo", out _));
            Assert.Contains(log.Warnings, w => w.Contains(link) && w.Contains("outside the plugins folder"));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void Shared_assemblies_are_the_sdk_the_interfaces_orleans_and_the_framework_but_not_unknown_libraries()
    {
        Assert.Equal("Rtl.Sdk", typeof(IRtlTask).Assembly.GetName().Name);
        Assert.True(SharedAssemblies.IsShared("Rtl.Sdk"));
        Assert.True(SharedAssemblies.IsShared("Rtl.Grains.Interfaces"));
        Assert.True(SharedAssemblies.IsShared("System.Runtime"));
        Assert.True(SharedAssemblies.IsShared("Microsoft.Extensions.Logging.Abstractions"));
        Assert.False(SharedAssemblies.IsShared("Rtl.Plugins.Sample"));
        Assert.False(SharedAssemblies.IsShared("Microsoft.Something.The.Silo.Lacks"));
        Assert.False(SharedAssemblies.IsShared("MathNet.Numerics"));
    }
}
