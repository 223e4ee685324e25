using Rtl.Data;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary>Row-wise mean over the listed columns into a new <c>&lt;f8</c> column: the same as cross_average, as in the seed.</summary>
public sealed class AggregateTask() : CrossColumnsTask("aggregate", "mean")
{
    public override TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment) => CrossColumns.Mean(args, input);
}
