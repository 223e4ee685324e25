using System.Numerics.Tensors;
using Rtl.Data;
using Rtl.Tasks.Internals;

namespace Rtl.Tasks;

/// <summary><c>column = a + b</c> per operation, <c>&lt;f8</c>, IEEE semantics.</summary>
public sealed class AddTask : IRowLocalTask
{
    public string Name => "add";

    public string Summary => "column = a + b (element-wise sum; b is a column or a number)";

    public IReadOnlyList<TaskArgument> Arguments { get; } = BinaryArithmetic.Arguments("+");

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment) =>
        BinaryArithmetic.Plan(args, input);

    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment) =>
        BinaryArithmetic.Cost(args, input);

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment) =>
        BinaryArithmetic.Run<Kernel>(args, input);

    private readonly struct Kernel : IBinaryKernel
    {
        public static void Apply(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination) =>
            TensorPrimitives.Add(x, y, destination);

        public static void Apply(ReadOnlySpan<double> x, double y, Span<double> destination) =>
            TensorPrimitives.Add(x, y, destination);
    }
}
