using Rtl.Data;
using Rtl.Pipelines;
using Rtl.Registry;
using Rtl.Tasks;

namespace Rtl.Validation;

/// <summary>
/// Checks a whole pipeline before anything runs: every task exists and every argument fits the schema
/// the previous tasks produce. The first problem is reported as
/// <c>stage 1, task 'add', operations[0].b: column 'foo' not found (columns: a, b, c)</c>.
/// </summary>
public static class PipelineValidator
{
    /// <summary>
    /// Checks the stages up to the first one pinned to a silo (<c>"on"</c>): only that silo can see its files, so
    /// from there on each stage is checked where and when it runs (<see cref="ValidateFrom"/>).
    /// </summary>
    public static void Validate(Pipeline pipeline, TableSchema input, TaskRegistry registry, ITaskEnvironment environment) =>
        ValidateFrom(pipeline, 0, input, registry, environment);

    /// <summary>Checks the unpinned stages from <paramref name="first"/> up to the next pinned one.</summary>
    public static void ValidateFrom(Pipeline pipeline, int first, TableSchema input, TaskRegistry registry, ITaskEnvironment environment)
    {
        var schema = input;
        for (var stage = first; stage < pipeline.Stages.Count && pipeline.Stages[stage].On is null; stage++)
        {
            schema = ValidateStage(stage, pipeline.Stages[stage], schema, registry, environment);
        }
    }

    /// <summary>Checks one stage's tasks in order; returns the schema the stage produces.</summary>
    public static TableSchema ValidateStage(int stage, StageDefinition definition, TableSchema input, TaskRegistry registry, ITaskEnvironment environment)
    {
        var schema = input;
        foreach (var call in definition.Tasks)
        {
            schema = Plan(stage, call, schema, registry, environment);
        }

        return schema;
    }

    /// <summary>Plans one task, turning its failure into a located <see cref="PipelineFormatException"/>.</summary>
    public static TableSchema Plan(int stage, TaskCall call, TableSchema schema, TaskRegistry registry, ITaskEnvironment environment)
    {
        if (!registry.TryFind(call.Name, out var task))
        {
            throw new PipelineFormatException($"stage {stage}: {registry.Unknown(call.WrittenAs)}");
        }

        try
        {
            return task.Plan(call.Arguments, schema, environment);
        }
        catch (Exception e)
        {
            throw new PipelineFormatException(Locate(stage, call, e));
        }
    }

    /// <summary>The message of any task failure with its stage, task and argument in front.</summary>
    public static string Locate(int stage, TaskCall call, Exception error) => error switch
    {
        TaskArgumentException argument => $"stage {stage}, task '{call.WrittenAs}', {argument.Located}",
        System.Text.Json.JsonException json => $"stage {stage}, task '{call.WrittenAs}': malformed arguments: {json.Message}",
        _ => $"stage {stage}, task '{call.WrittenAs}': {error.Message}",
    };
}
