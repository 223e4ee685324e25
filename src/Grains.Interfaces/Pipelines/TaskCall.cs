using Rtl.Tasks;

namespace Rtl.Pipelines;

/// <summary>One task invocation in a stage: its canonical name, how the user spelled it, and its JSON arguments.</summary>
[GenerateSerializer, Immutable]
public sealed record TaskCall(
    [property: Id(0)] string Name,
    [property: Id(1)] string ArgumentsJson,
    [property: Id(2)] string WrittenAs)
{
    public TaskCall(string name, string argumentsJson = "{}")
        : this(TaskNames.Canonical(name), argumentsJson, name)
    {
    }

    // Parsed once per instance (validation and the kernel both read it); not part of the wire format.
    [NonSerialized]
    private TaskArgs? arguments;

    public TaskArgs Arguments => arguments ??= TaskArgs.Parse(ArgumentsJson);

    // By hand so the parsed cache stays out of equality.
    public bool Equals(TaskCall? other) =>
        other is not null && Name == other.Name && ArgumentsJson == other.ArgumentsJson && WrittenAs == other.WrittenAs;

    public override int GetHashCode() => HashCode.Combine(Name, ArgumentsJson, WrittenAs);

    public override string ToString() => $"{Name} {ArgumentsJson}";
}

/// <summary>
/// The tasks that run together on one silo, in order; <see cref="On"/> names the silo they must run on (its
/// name, address or address:port), for data that lives on one host only.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StageDefinition([property: Id(0)] IReadOnlyList<TaskCall> Tasks, [property: Id(1)] string? On = null);

/// <summary>Canonical task names and the seed's spellings of them.</summary>
public static class TaskNames
{
    private static readonly Dictionary<string, string> SeedAliases = new(StringComparer.Ordinal)
    {
        ["filter_rows"] = "filter",
        ["task_null"] = "null",
    };

    /// <summary>
    /// <c>task_add</c> → <c>add</c>, <c>filterRows</c> → <c>filter</c>, <c>openArray</c> → <c>open_array</c>:
    /// strip the seed's <c>task_</c> prefix, turn camelCase into snake_case, then apply the seed's renames.
    /// </summary>
    public static string Canonical(string written)
    {
        var name = written.Trim();
        if (name.StartsWith("task_", StringComparison.Ordinal))
        {
            name = name["task_".Length..];
        }

        var snake = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c))
            {
                if (snake.Length > 0 && snake[^1] != '_')
                {
                    snake.Append('_');
                }

                snake.Append(char.ToLowerInvariant(c));
            }
            else
            {
                snake.Append(c);
            }
        }

        var canonical = snake.ToString();
        return SeedAliases.GetValueOrDefault(canonical, canonical);
    }
}
