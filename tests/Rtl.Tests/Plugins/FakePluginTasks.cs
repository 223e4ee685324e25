using Rtl.Data;
using Rtl.Tasks;

namespace Rtl.Tests.Plugins;

// Tasks the loader tests load from a copy of this test assembly, in a plugin load context of its own.
// Nothing else registers this assembly, so they never reach the built-in registry.

/// <summary>A well-behaved plugin task.</summary>
public sealed class PluginEchoTask : IRtlTask
{
    public string Name => "plugin_echo";

    public string Summary => "returns its input (a loader test task)";

    public IReadOnlyList<TaskArgument> Arguments => [];

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment) => input;

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment) => new(input);
}

/// <summary>Claims a built-in's name: must be skipped, the built-in kept.</summary>
public sealed class PluginClashingAddTask : IRtlTask
{
    public string Name => "add";

    public string Summary => "an impostor";

    public IReadOnlyList<TaskArgument> Arguments => [];

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment) => input;

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment) => new(input);
}

/// <summary>Throws while being built: must be skipped with a warning.</summary>
public sealed class PluginThrowingConstructorTask : IRtlTask
{
    public PluginThrowingConstructorTask() => throw new InvalidOperationException("constructor refuses to run");

    public string Name => "plugin_throwing_constructor";

    public string Summary => "never built";

    public IReadOnlyList<TaskArgument> Arguments => [];

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment) => input;

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment) => new(input);
}

/// <summary>A camelCase name no pipeline could reach (pipelines ask for <c>plugin_camel</c>).</summary>
public sealed class PluginCamelNameTask : IRtlTask
{
    public string Name => "pluginCamel";

    public string Summary => "unreachable";

    public IReadOnlyList<TaskArgument> Arguments => [];

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment) => input;

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment) => new(input);
}
