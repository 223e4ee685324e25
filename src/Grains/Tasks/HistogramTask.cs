using System.Globalization;
using System.Text.Json;
using Rtl.Data;
using Rtl.Grains.Tasks.Internals;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary>
/// Tags each row with a numpy histogram edge over <c>a</c>: the first edge ≥ the value, so the minimum gets
/// edge[0] and every other value the upper edge of its bin; a value above the last edge (or NaN) gets NaN.
/// </summary>
public sealed class HistogramTask : IRtlTask
{
    /// <summary>numpy has no limit; past this many bins nearly every bin is empty and the edges alone cost 8 MB.</summary>
    public const int MaxBins = 1_000_000;

    public string Name => "histogram";

    public string Summary => "column = the numpy histogram edge of each row of a (first edge >= value)";

    public IReadOnlyList<TaskArgument> Arguments { get; } =
        [Operations.Argument("{a, bins, column}: bins is a bin count (at most 1,000,000) or a list of increasing edges")];

    public ColumnUse? Uses(TaskArgs args) => Operations.Uses(args, "a");

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment)
    {
        Operations.Parse(args, input, Parse, out var output);
        return output;
    }

    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment) =>
        Operations.Cost(args, input, Parse, (cost, op, parsed, schema) => cost
            .Widened(op, "a", schema, parsed.A, input.Rows)
            .Plus(op.At("bins"), parsed.Edges?.Length ?? (long)parsed.Count + 1, "bin edges", sizeof(double))
            .NewColumn(op, input.Rows));

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment)
    {
        var table = input;
        foreach (var operation in Operations.Parse(args, input.Schema, Parse, out _))
        {
            var values = table[operation.A].AsDoubles();
            var edges = operation.Edges ?? Edges(values, operation.Count);
            var result = ColumnMemory.Allocate<double>(values.Length);
            var step = (edges[^1] - edges[0]) / (edges.Length - 1);
            if (operation.Edges is null && step > 0 && double.IsFinite(step))
            {
                TagUniform(values, edges, step, result);
            }
            else
            {
                for (var i = 0; i < values.Length; i++)
                {
                    result[i] = FirstEdgeAtLeast(edges, values[i]);
                }
            }

            table = table.With(operation.Column, new Column<double>(result));
        }

        return new TaskOutput(table);
    }

    private sealed record Operation(string A, int Count, double[]? Edges, string Column);

    private static Operation Parse(TaskArgs operation, ref TableSchema schema)
    {
        var a = operation.RequireColumn("a", schema);
        var bins = operation.Require("bins");
        var (count, edges) = bins.ValueKind switch
        {
            JsonValueKind.Number => (operation.RequireInt("bins", 1, MaxBins), null),
            JsonValueKind.Array => (0, ParseEdges(bins, operation.At("bins"))),
            _ => throw new TaskArgumentException(operation.At("bins"),
                $"expected a bin count or a list of bin edges, got {TaskArgs.Describe(bins)}"),
        };
        var column = operation.RequireNewColumn();
        schema = schema.With(column, DType.F8);
        return new Operation(a, count, edges, column);
    }

    private static double[] ParseEdges(JsonElement bins, string at)
    {
        if (bins.GetArrayLength() > MaxBins + 1)
        {
            throw new TaskArgumentException(at, string.Create(CultureInfo.InvariantCulture,
                $"expected at most {MaxBins + 1:N0} bin edges, got {bins.GetArrayLength():N0}"));
        }

        var edges = new List<double>();
        foreach (var item in bins.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number)
            {
                throw new TaskArgumentException($"{at}[{edges.Count}]", $"expected a number, got {TaskArgs.Describe(item)}");
            }

            var edge = TaskArgs.Finite(item, $"{at}[{edges.Count}]");
            if (edges.Count > 0 && edge < edges[^1])
            {
                throw new TaskArgumentException($"{at}[{edges.Count}]",
                    $"bin edges must increase monotonically ({edges[^1]} then {edge})");
            }

            edges.Add(edge);
        }

        return edges.Count > 0 ? [.. edges] : throw new TaskArgumentException(at, "expected at least one bin edge");
    }

    /// <summary>
    /// numpy's equal-width edges: linspace(min, max, count + 1), widened by 0.5 each way when min = max, over
    /// the finite values (numpy refuses non-finite data; here those rows just get NaN or edge[0]).
    /// </summary>
    private static double[] Edges(ReadOnlySpan<double> values, int count)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        if (min > max)
        {
            (min, max) = (0, 1); // no finite values: numpy's range for an empty array
        }
        else if (min == max)
        {
            (min, max) = (min - 0.5, max + 0.5);
        }

        return Spaces.Linspace(min, max, count + 1);
    }

    /// <summary>Equal-width edges: the bin is arithmetic, then nudged against the edges themselves so rounding
    /// in the division can never pick a different edge than the search would.</summary>
    private static void TagUniform(ReadOnlySpan<double> values, double[] edges, double step, Span<double> result)
    {
        var first = edges[0];
        var last = edges.Length - 1;
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (!(value <= edges[last]))
            {
                result[i] = double.NaN;
                continue;
            }

            var j = (int)Math.Clamp(Math.Ceiling((value - first) / step), 0, last);
            while (j > 0 && edges[j - 1] >= value)
            {
                j--;
            }

            while (edges[j] < value)
            {
                j++;
            }

            result[i] = edges[j];
        }
    }

    private static double FirstEdgeAtLeast(double[] edges, double value)
    {
        if (!(value <= edges[^1]))
        {
            return double.NaN; // above every edge, or NaN
        }

        int low = 0, high = edges.Length - 1;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (edges[middle] >= value)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return edges[low];
    }
}
