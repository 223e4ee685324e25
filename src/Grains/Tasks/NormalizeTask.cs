using System.Globalization;
using System.Numerics.Tensors;
using Rtl.Data;
using Rtl.Grains.Tasks.Internals;
using Rtl.Numerics;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary>
/// A new <c>{c}Normal</c> column per listed column. Unlike the seed, the source column is left alone, the
/// statistics are doubles, every row is normalised (the seed's 8-bit counter did n mod 256), and a missing
/// model is an error.
/// </summary>
public sealed class NormalizeTask : IRtlTask
{
    private static readonly string[] Models = ["Squash", "PercentOfMax", "DistanceFromMean"];

    public string Name => "normalize";

    public string Summary => "{c}Normal per column: Squash, PercentOfMax or DistanceFromMean(weight)";

    public IReadOnlyList<TaskArgument> Arguments { get; } =
    [
        new("model", "Squash: (min(x, 2·mean) − min)/max·100; PercentOfMax: (x − min)/(max − min)·100; DistanceFromMean: clamp each row to its local mean ± mean·weight"),
        new("columns", "the columns to normalise; each gets {c}Normal"),
        new("weight", "DistanceFromMean's band, a fraction of the local mean", Required: false),
    ];

    public ColumnUse? Uses(TaskArgs args) => ColumnUse.PassesThrough(args.NamesIn("columns"));

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment)
    {
        var (_, columns, _) = Parse(args, input);
        return columns.Aggregate(input, (schema, c) => schema.With(c + "Normal", DType.F8));
    }

    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment)
    {
        var (_, columns, _) = Parse(args, input.Schema);
        return columns.Aggregate(TaskCost.Of(input.Rows), (cost, c) => cost
            .Widened(args, "columns", input.Schema, c, input.Rows)
            .Plus(args.At("columns"), input.Rows, "rows", sizeof(double), $"of '{c}Normal'"));
    }

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment)
    {
        var (model, columns, weight) = Parse(args, input.Schema);
        var table = input;
        var notes = new List<TaskNote>();
        foreach (var name in columns)
        {
            var x = input[name].AsDoubles();
            var result = ColumnMemory.Allocate<double>(x.Length);
            var note = model switch
            {
                "Squash" => Squash(x, result),
                "PercentOfMax" => PercentOfMax(x, result),
                _ => DistanceFromMean(x, weight, result),
            };
            if (note is not null)
            {
                notes.Add(new TaskNote(name, note));
            }

            table = table.With(name + "Normal", new Column<double>(result));
        }

        return new TaskOutput(table, notes, []);
    }

    private static (string Model, IReadOnlyList<string> Columns, double Weight) Parse(TaskArgs args, TableSchema schema)
    {
        var model = args.RequireChoice("model", Models);
        var columns = args.RequireColumns("columns", schema);
        var weight = model == "DistanceFromMean" ? args.RequireNumber("weight") : args.OptionalNumber("weight", 0);
        return (model, columns, weight);
    }

    /// <summary>Clip to 2·mean, then <c>(clipped − min)/max·100</c> — over max, not max − min, as the seed did.</summary>
    private static string Squash(ReadOnlySpan<double> x, Span<double> result)
    {
        var average = Doubles.Mean(x);
        var min = Doubles.Min(x);
        TensorPrimitives.Min(x, 2 * average, result);
        var max = Doubles.Max(result);
        Scale(result, result, min, max);
        return $"MAX {Text(max)} MIN {Text(min)} AVG {Text(average)} COUNT {x.Length.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string PercentOfMax(ReadOnlySpan<double> x, Span<double> result)
    {
        var min = Doubles.Min(x);
        var max = Doubles.Max(x);
        Scale(x, result, min, max - min);
        return $"MAX {Text(max)} MIN {Text(min)}";
    }

    /// <summary><c>(x − min)/denominator·100</c>; all 0 when the denominator is 0.</summary>
    private static void Scale(ReadOnlySpan<double> x, Span<double> result, double min, double denominator)
    {
        if (denominator == 0)
        {
            result.Clear();
            return;
        }

        TensorPrimitives.Subtract(x, min, result);
        TensorPrimitives.Divide(result, denominator, result);
        TensorPrimitives.Multiply(result, 100.0, result);
    }

    /// <summary>
    /// Row by row, each row clamped into [m − m·w, m + m·w] around the mean m of the previous (already clamped),
    /// current and next rows; the first and last rows use m = x[i]. Sequential by nature.
    /// </summary>
    private static string? DistanceFromMean(ReadOnlySpan<double> x, double weight, Span<double> result)
    {
        x.CopyTo(result);
        var last = x.Length - 1;
        for (var i = 0; i < x.Length; i++)
        {
            var mean = i == 0 || i == last ? result[i] : (result[i - 1] + result[i] + x[i + 1]) / 3;
            var a = mean - (mean * weight);
            var b = mean + (mean * weight);

            // A negative mean (or weight) flips the band; clamp into it either way.
            var (low, high) = a <= b ? (a, b) : (b, a);
            result[i] = result[i] < low ? low : result[i] > high ? high : result[i];
        }

        return null;
    }

    private static string Text(double value) => PrintedNumbers.Python(value);
}
