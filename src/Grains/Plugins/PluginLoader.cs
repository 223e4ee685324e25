using System.Reflection;
using Microsoft.Extensions.Logging;
using Rtl.Grains.Registry;
using Rtl.Pipelines;
using Rtl.Tasks;

namespace Rtl.Grains.Plugins;

/// <summary>
/// Loads the tasks of every plugin in the plugins folder: <c>&lt;plugins&gt;/&lt;Name&gt;/&lt;Name&gt;.dll</c>
/// (with its dependencies and <c>.deps.json</c> beside it) and <c>&lt;plugins&gt;/&lt;Name&gt;.dll</c>, each in
/// its own load context. A broken plugin is logged and skipped: it never stops the silo.
/// </summary>
public static partial class PluginLoader
{
    /// <summary>The built-in tasks plus every plugin's tasks found in <paramref name="pluginsDir"/>.</summary>
    public static TaskRegistry Registry(string pluginsDir, ILogger log)
    {
        var registry = TaskRegistry.BuiltIn();
        Load(registry, pluginsDir, log);
        return registry;
    }

    /// <summary>Adds every plugin task of <paramref name="pluginsDir"/> to <paramref name="registry"/>; returns their names.</summary>
    public static IReadOnlyList<string> Load(TaskRegistry registry, string pluginsDir, ILogger log)
    {
        var root = Path.GetFullPath(pluginsDir);
        var added = new List<string>();
        foreach (var file in Candidates(root, log))
        {
            added.AddRange(LoadOne(registry, file, root, log));
        }

        return added;
    }

    /// <summary>Each folder's same-named dll, then the loose dlls, in a stable order (an earlier plugin wins a name).</summary>
    private static IEnumerable<string> Candidates(string root, ILogger log)
    {
        if (!Directory.Exists(root))
        {
            yield break;
        }

        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var main = Path.Combine(folder, Path.GetFileName(folder) + ".dll");
            if (File.Exists(main))
            {
                yield return main;
            }
            else
            {
                LogFolderWithoutDll(log, folder, Path.GetFileName(main));
            }
        }

        // A stray copy of a shared assembly (a `dotnet build -o plugins`) is the silo's, not a plugin.
        foreach (var file in Directory.EnumerateFiles(root, "*.dll").Order(StringComparer.Ordinal))
        {
            if (!SharedAssemblies.IsShared(Path.GetFileNameWithoutExtension(file)))
            {
                yield return file;
            }
        }
    }

    private static List<string> LoadOne(TaskRegistry registry, string file, string root, ILogger log)
    {
        var added = new List<string>();
        Type[] types;
        try
        {
            if (!PluginPaths.IsInside(file, root))
            {
                throw new FileLoadException($"it links outside the plugins folder {root}");
            }

            var context = new PluginLoadContext(file, root);
            types = context.LoadFromAssemblyPath(file).GetExportedTypes();
        }
        catch (Exception e)
        {
            LogPluginSkipped(log, file, Describe(e));
            return added;
        }

        foreach (var type in types.Where(IsTask).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            try
            {
                var task = Create(type);
                if (registry.TryRegisterPlugin(task, file))
                {
                    added.Add(task.Name);
                }
                else
                {
                    var owner = registry.PluginFile(task.Name) is { } other ? $"the plugin {other}" : "a built-in task";
                    LogNameTaken(log, file, task.Name, type.FullName, owner);
                }
            }
            catch (Exception e)
            {
                LogTaskSkipped(log, file, type.FullName, Describe(e));
            }
        }

        if (added.Count == 0)
        {
            LogNoTask(log, file);
        }
        else
        {
            LogAdded(log, file, added);
        }

        return added;
    }

    private static bool IsTask(Type type) =>
        type.IsClass && !type.IsAbstract && typeof(IRtlTask).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null;

    /// <summary>Builds the task and reads what <c>rtl tasks</c> and the pipeline will read, so a faulty one fails here.</summary>
    private static IRtlTask Create(Type type)
    {
        var task = (IRtlTask)Activator.CreateInstance(type)!;
        var name = task.Name;
        if (string.IsNullOrWhiteSpace(name) || TaskNames.Canonical(name) != name)
        {
            throw new InvalidOperationException(
                $"task name '{name}' is not canonical (pipelines would ask for '{TaskNames.Canonical(name)}'): use snake_case");
        }

        _ = task.Summary.Length + task.Arguments.Count;
        return task;
    }

    private static string Describe(Exception e)
    {
        var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
        return $"{cause.GetType().Name}: {cause.Message}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin folder {Folder} skipped: it has no {Dll}")]
    private static partial void LogFolderWithoutDll(ILogger log, string folder, string dll);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {File} skipped: {Error}")]
    private static partial void LogPluginSkipped(ILogger log, string file, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {File}: task '{Task}' ({Type}) skipped: the name is taken by {Owner}")]
    private static partial void LogNameTaken(ILogger log, string file, string task, string? type, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {File}: task type {Type} skipped: {Error}")]
    private static partial void LogTaskSkipped(ILogger log, string file, string? type, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {File} adds no task (a task is a public class implementing IRtlTask with a public parameterless constructor)")]
    private static partial void LogNoTask(ILogger log, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {File}: tasks {Tasks}")]
    private static partial void LogAdded(ILogger log, string file, IEnumerable<string> tasks);
}
