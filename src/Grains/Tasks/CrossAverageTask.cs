using Rtl.Data;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary>Row-wise mean over the listed columns into a new <c>&lt;f8</c> column.</summary>
public sealed class CrossAverageTask() : CrossColumnsTask("cross_average", "mean")
{
    public override TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment) => CrossColumns.Mean(args, input);
}
