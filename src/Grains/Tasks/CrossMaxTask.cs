using Rtl.Data;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary>Row-wise max over the listed columns into a new <c>&lt;f8</c> column.</summary>
public sealed class CrossMaxTask() : CrossColumnsTask("cross_max", "max")
{
    public override TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment) => CrossColumns.Max(args, input);
}
