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
    public static void Validate(Pipeline pipeline, TableSchema input, TaskRegistry registry, ITaskEnvironment environment)
    {
        var schema = input;
        for (var stage = 0; stage < pipeline.Stages.Count; stage++)
        {
            foreach (var call in pipeline.Stages[stage].Tasks)
            {
                schema = Plan(stage, call, schema, registry, environment);
            }
        }
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
