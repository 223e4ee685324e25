using Rtl.Data;
using Rtl.Tasks.Internals;

namespace Rtl.Tasks;

/// <summary><c>column = ln(a)</c>: log(0) = -inf and log(&lt;0) = NaN are values, as in numpy.</summary>
public sealed class LogTask : IRowLocalTask
{
    public string Name => "log";

    public string Summary => "column = natural log of a";

    public IReadOnlyList<TaskArgument> Arguments { get; } = [Operations.Argument("{a, column}: column = ln(a)")];

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment) => ColumnOperations.Plan(args, input);

    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment) =>
        ColumnOperations.Cost(args, input);

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment) =>
        ColumnOperations.Run(args, input, (_, a) => ColumnOperations.Map<Kernel>(a));

    private readonly struct Kernel : IUnaryKernel
    {
        /// <summary>
        /// The C library's log, one value at a time, as numpy calls it: TensorPrimitives' vector log differs
        /// from it in about 1% of values, and differently at each vector width, so a Pi would disagree with x64.
        /// </summary>
        public static void Apply(ReadOnlySpan<double> x, Span<double> destination)
        {
            for (var i = 0; i < x.Length; i++)
            {
                destination[i] = Math.Log(x[i]);
            }
        }
    }
}
