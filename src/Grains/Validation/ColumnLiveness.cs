using System.Text.Json.Nodes;
using Rtl.Grains.Registry;
using Rtl.Grains.Tasks;
using Rtl.Jobs;
using Rtl.Pipelines;
using Rtl.Tasks;

namespace Rtl.Grains.Validation;

/// <summary>
/// Projection: which columns the rest of a pipeline reads at each point, found walking back from its end (where the
/// caller receives every column left) through what each task says it uses (<see cref="IRtlTask.Uses"/>). An
/// <c>open_array</c> then reads only those of its file's columns (its <c>needed</c> argument), and a job's input
/// drops the others before its first stage. A task that does not say (a plugin, <c>write</c>) may read any column,
/// so nothing before it is narrowed; nor is a pipeline whose result keeps every column anyway.
/// </summary>
public static class ColumnLiveness
{
    /// <summary>The pipeline with its <c>open_array</c> calls narrowed, and the input columns it reads (null: all).</summary>
    public static Narrowing Narrow(Pipeline pipeline, TaskRegistry registry)
    {
        HashSet<string>? live = null;
        StageDefinition[]? stages = null;
        for (var s = pipeline.Stages.Count - 1; s >= 0; s--)
        {
            var tasks = pipeline.Stages[s].Tasks;
            for (var t = tasks.Count - 1; t >= 0; t--)
            {
                // Nothing read from its file: leave it whole rather than open a table of no columns and no rows.
                if (live is { Count: > 0 } && Opens(tasks[t]))
                {
                    stages ??= [.. pipeline.Stages];
                    var narrowed = stages[s].Tasks.ToArray();
                    narrowed[t] = WithNeeded(tasks[t], live);
                    stages[s] = stages[s] with { Tasks = narrowed };
                }

                live = ReadBefore(tasks[t], live, registry);
            }
        }

        return new Narrowing(stages is null ? pipeline : new Pipeline(stages), live);
    }

    /// <summary>
    /// Validates the narrowed pipeline (a narrowed file fits a budget its whole one may not). When that is refused,
    /// the whole one's error is the one to report if it is a mistake in the pipeline: it lists every column of the
    /// table, not only those kept. Another (the whole file over the memory budget) is not what the user got wrong.
    /// </summary>
    public static void Validate(Pipeline pipeline, TaskRegistry registry, Action<Pipeline> validate)
    {
        var narrowed = Narrow(pipeline, registry).Pipeline;
        if (ReferenceEquals(narrowed, pipeline))
        {
            validate(pipeline);
            return;
        }

        try
        {
            validate(narrowed);
        }
        catch (PipelineFormatException)
        {
            try
            {
                validate(pipeline);
            }
            catch (PipelineFormatException whole) when (IsMistake(whole.Error))
            {
                throw;
            }
            catch (PipelineFormatException)
            {
                // The narrowed pipeline's error stands.
            }

            throw;
        }
    }

    /// <summary>An error in what the pipeline says (a task, an argument, a column), as against the data or the silo's limits.</summary>
    public static bool IsMistake(RtlError error) => error.Kind is RtlErrorKind.Pipeline or RtlErrorKind.Argument;

    /// <summary>The columns read before <paramref name="call"/>, given those read after it (null: every column).</summary>
    private static HashSet<string>? ReadBefore(TaskCall call, HashSet<string>? after, TaskRegistry registry)
    {
        if (!registry.TryFind(call.Name, out var task) || Uses(task, call) is not { } use)
        {
            return null;
        }

        if (!use.KeepsOthers)
        {
            return [.. use.Reads];
        }

        if (after is null)
        {
            return null;
        }

        var before = new HashSet<string>(after, StringComparer.Ordinal);
        before.UnionWith(use.Reads);
        return before;
    }

    private static ColumnUse? Uses(IRtlTask task, TaskCall call)
    {
        try
        {
            return task.Uses(call.Arguments);
        }
        catch (Exception e) when (e is TaskArgumentException or InvalidOperationException or FormatException)
        {
            // Arguments the task cannot read yet: validation reports them; meanwhile assume it reads everything.
            return null;
        }
    }

    private static bool Opens(TaskCall call) =>
        call.Name == "open_array" && !call.Arguments.Has("usecols") && !call.Arguments.Has(OpenArrayTask.Needed);

    private static TaskCall WithNeeded(TaskCall call, HashSet<string> live)
    {
        var arguments = JsonNode.Parse(call.ArgumentsJson) as JsonObject ?? [];
        arguments[OpenArrayTask.Needed] = new JsonArray([.. live.Order(StringComparer.Ordinal).Select(name => (JsonNode)name)]);
        return new TaskCall(call.Name, arguments.ToJsonString(), call.WrittenAs);
    }
}
