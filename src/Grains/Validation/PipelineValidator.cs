using Rtl.Grains.Hosting;
using Rtl.Grains.Registry;
using Rtl.Jobs;
using Rtl.Pipelines;
using Rtl.Tasks;

namespace Rtl.Grains.Validation;

/// <summary>
/// Checks a whole pipeline before anything runs: every task exists, every argument fits the schema the previous
/// tasks produce, and the memory the plan needs fits the silo's budget (<c>PipelineValidator.Budget.cs</c>). The
/// first problem is reported as <c>stage 1, task 'add', operations[0].b: column 'foo' not found (columns: a, b, c)</c>.
/// </summary>
public static partial class PipelineValidator
{
    /// <summary>
    /// Checks the stages up to the first one pinned to a silo (<c>"on"</c>): only that silo can see its files, so
    /// from there on each stage is checked where and when it runs (<see cref="ValidateFrom"/>).
    /// </summary>
    public static void Validate(Pipeline pipeline, TablePlan input, TaskRegistry registry, ITaskEnvironment environment, long budget = long.MaxValue)
    {
        PipelineLimits.Check(pipeline);
        ValidateFrom(pipeline, 0, input, registry, environment, budget, held: input.Bytes);
    }

    /// <summary>
    /// Checks the unpinned stages from <paramref name="first"/> up to the next pinned one; <paramref name="held"/> is
    /// what the job keeps in memory throughout (the table it was given).
    /// </summary>
    public static void ValidateFrom(
        Pipeline pipeline, int first, TablePlan input, TaskRegistry registry, ITaskEnvironment environment, long budget, long held)
    {
        var plan = input;
        for (var stage = first; stage < pipeline.Stages.Count && pipeline.Stages[stage].On is null; stage++)
        {
            plan = ValidateStage(stage, pipeline.Stages[stage], plan, registry, environment, budget, held);
        }
    }

    /// <summary>Checks one stage's tasks in order; returns the table the stage produces.</summary>
    public static TablePlan ValidateStage(
        int stage, StageDefinition definition, TablePlan input, TaskRegistry registry, ITaskEnvironment environment, long budget, long held = 0)
    {
        var plan = input;
        var stageCost = new StageCost(stage, input, held, budget);
        foreach (var call in definition.Tasks)
        {
            plan = Plan(stage, call, plan, registry, environment, stageCost);
        }

        return plan;
    }

    /// <summary>Plans one task and adds its cost to its stage's, turning a failure into a located <see cref="PipelineFormatException"/>.</summary>
    private static TablePlan Plan(int stage, TaskCall call, TablePlan input, TaskRegistry registry, ITaskEnvironment environment, StageCost stageCost)
    {
        if (!registry.TryFind(call.Name, out var task))
        {
            throw new PipelineFormatException(new RtlError(RtlErrorKind.Pipeline, registry.Unknown(call.WrittenAs), stage));
        }

        TaskCost? cost;
        Data.TableSchema schema;
        try
        {
            // The cost first: a task that reads data to plan (open) must be bounded before it reads.
            cost = task.Cost(call.Arguments, input, environment);
            if (cost is not null)
            {
                stageCost.Add(call, cost);
            }

            schema = task.Plan(call.Arguments, input.Schema, environment);
        }
        catch (Exception e) when (e is not PipelineFormatException)
        {
            throw new PipelineFormatException(TaskFailures.Of(e).At(stage, call));
        }

        if (cost is null)
        {
            cost = TaskCost.Unstated(input, schema);
            stageCost.Add(call, cost);
        }

        return new TablePlan(schema, Math.Max(0, cost.Rows));
    }
}
