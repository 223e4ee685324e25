using System.Reflection;
using Rtl.Tasks;
using Rtl.Pipelines;

namespace Rtl.Grains.Registry;

/// <summary>
/// Every task the silo can run, found by scanning assemblies for <see cref="IRtlTask"/> implementations:
/// adding a task is adding a class, with no list to edit.
/// </summary>
public sealed class TaskRegistry
{
    private readonly Dictionary<string, IRtlTask> tasks = new(StringComparer.Ordinal);

    /// <summary>Task name → the plugin file it came from; built-ins are absent.</summary>
    private readonly Dictionary<string, string> pluginFiles = new(StringComparer.Ordinal);

    public TaskRegistry(IEnumerable<Assembly> assemblies)
    {
        foreach (var assembly in assemblies)
        {
            Register(assembly);
        }
    }

    /// <summary>The built-in task bundle.</summary>
    public static TaskRegistry BuiltIn() => new([typeof(TaskRegistry).Assembly]);

    public IReadOnlyCollection<IRtlTask> All => tasks.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();

    /// <summary>Adds every public concrete <see cref="IRtlTask"/> with a parameterless constructor.</summary>
    public void Register(Assembly assembly)
    {
        foreach (var type in assembly.GetExportedTypes())
        {
            if (type.IsClass && !type.IsAbstract && typeof(IRtlTask).IsAssignableFrom(type)
                && type.GetConstructor(Type.EmptyTypes) is not null)
            {
                Register((IRtlTask)Activator.CreateInstance(type)!);
            }
        }
    }

    public void Register(IRtlTask task)
    {
        if (!tasks.TryAdd(task.Name, task))
        {
            throw new InvalidOperationException(
                $"two tasks are named '{task.Name}': {tasks[task.Name].GetType().FullName} and {task.GetType().FullName}");
        }
    }

    /// <summary>Adds a plugin's task; false when the name is taken (the built-in or earlier plugin keeps it).</summary>
    public bool TryRegisterPlugin(IRtlTask task, string pluginFile)
    {
        if (!tasks.TryAdd(task.Name, task))
        {
            return false;
        }

        pluginFiles[task.Name] = pluginFile;
        return true;
    }

    /// <summary>The plugin file a task was loaded from, or null for a built-in task.</summary>
    public string? PluginFile(string name) => pluginFiles.GetValueOrDefault(name);

    public bool TryFind(string canonicalName, out IRtlTask task) => tasks.TryGetValue(canonicalName, out task!);

    /// <summary>The error for an unknown task, listing the names closest to it.</summary>
    public string Unknown(string written)
    {
        var close = tasks.Keys
            .Select(name => (name, distance: NameDistance.Between(TaskNames.Canonical(written), name)))
            .Where(c => c.distance <= Math.Max(2, c.name.Length / 3))
            .OrderBy(c => c.distance).ThenBy(c => c.name, StringComparer.Ordinal)
            .Take(3)
            .Select(c => c.name)
            .ToArray();
        return close.Length > 0
            ? $"unknown task '{written}' (did you mean: {string.Join(", ", close)}?)"
            : $"unknown task '{written}' (tasks: {string.Join(", ", tasks.Keys.Order(StringComparer.Ordinal))})";
    }
}
