using System.Globalization;
using Rtl.Jobs;
using Rtl.Pipelines;
using Rtl.Tasks;

namespace Rtl.Grains.Validation;

public static partial class PipelineValidator
{
    /// <summary>
    /// What one stage holds at its peak: the table it is given, the job's own input past stage 0 (the job keeps it
    /// to run again), and everything its tasks allocate — a task's columns stay shared by the tables after it, so
    /// nothing is counted as freed before the stage ends. Over the budget, the stage's costliest task is named.
    /// </summary>
    private sealed class StageCost(int stage, TablePlan input, long held, long budget)
    {
        private long bytes = CostMath.Plus(input.Bytes, stage == 0 ? 0 : held);
        private (TaskCall Call, TaskCost Cost)? costliest;

        public void Add(TaskCall call, TaskCost cost)
        {
            bytes = CostMath.Plus(bytes, cost.Bytes);
            if (costliest is null || cost.Bytes > costliest.Value.Cost.Bytes)
            {
                costliest = (call, cost);
            }

            if (bytes > budget)
            {
                throw new PipelineFormatException(OverBudget(costliest.Value.Call, costliest.Value.Cost));
            }
        }

        private RtlError OverBudget(TaskCall call, TaskCost cost) =>
            new(RtlErrorKind.Limit, string.Create(CultureInfo.InvariantCulture,
                $"needs at most {cost.Describe()}; stage {stage} as a whole " +
                $"needs at most {bytes:N0} bytes with its tables, over this silo's memory budget of {budget:N0} bytes (MemoryBudget, --memory-budget)"),
                stage, call.WrittenAs, cost.Largest?.Argument is { Length: > 0 } name ? name : null);
    }
}
