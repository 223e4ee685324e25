using System.Numerics.Tensors;
using Rtl.Data;
using Rtl.Tasks.Internals;

namespace Rtl.Tasks;

/// <summary><c>column = √a</c>: sqrt(&lt;0) = NaN is a value, as in numpy.</summary>
public sealed class SquareRootTask : IRowLocalTask
{
    public string Name => "square_root";

    public string Summary => "column = square root of a";

    public IReadOnlyList<TaskArgument> Arguments { get; } = [Operations.Argument("{a, column}: column = sqrt(a)")];

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment) => ColumnOperations.Plan(args, input);

    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment) =>
        ColumnOperations.Cost(args, input);

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment) =>
        ColumnOperations.Run(args, input, (_, a) => ColumnOperations.Map<Kernel>(a));

    private readonly struct Kernel : IUnaryKernel
    {
        public static void Apply(ReadOnlySpan<double> x, Span<double> destination) => TensorPrimitives.Sqrt(x, destination);
    }
}
