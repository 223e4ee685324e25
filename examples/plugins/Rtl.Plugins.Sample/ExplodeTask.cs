using Rtl.Data;
using Rtl.Tasks;

namespace Rtl.Plugins.Sample;

/// <summary>Always fails when it runs: shows (and tests) that a plugin's error fails its job, not the silo.</summary>
public sealed class ExplodeTask : IRtlTask
{
    public string Name => "explode";

    public string Summary => "always throws when run (a sample plugin for error handling)";

    public IReadOnlyList<TaskArgument> Arguments { get; } =
    [
        new("message", "what the error says", Required: false),
    ];

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment)
    {
        args.OptionalString("message");
        return input;
    }

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment) =>
        throw new PluginFailureException(args.OptionalString("message") ?? "the sample plugin exploded on purpose");
}

/// <summary>A plugin's own exception type: the job's error names it, so the user sees where it came from.</summary>
public sealed class PluginFailureException(string message) : Exception(message);
