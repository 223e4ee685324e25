using Rtl.Data;
using Rtl.Grains.Tasks.Internals;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary>
/// Fits y against x (Linear: least squares; Poly: numpy polyfit of degree d) and writes <c>{y}{model}</c>: the
/// fitted model evaluated on the <c>space</c> points of x (as column_space), not per row — as the seed did.
/// Reports <c>Regression[Linear] Results: m=…, c=…, r=…</c> (r is R²) or the Poly coefficients.
/// </summary>
public sealed class RegressionTask : IRtlTask
{
    private const int MaxDegree = 32;

    private static readonly string[] Models = ["Linear", "Poly"];

    public string Name => "regression";

    public string Summary => "{y}{model} = Linear or Poly(d) fit of y on x, evaluated on x's space (linear, log or sorted)";

    public IReadOnlyList<TaskArgument> Arguments { get; } =
        [Operations.Argument("{x, y, model: Linear|Poly, d (Poly degree), space: linear|log|sorted}: writes {y}{model}")];

    public ColumnUse? Uses(TaskArgs args) => Operations.Uses(args, "x", "y");

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment)
    {
        Operations.Parse(args, input, Parse, out var output);
        return output;
    }

    /// <summary>Per operation: x and y as doubles, the space's points, and for Poly the Vandermonde columns and a copy of y.</summary>
    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment) =>
        Operations.Cost(args, input, Parse, (cost, op, parsed, schema) =>
        {
            cost = cost.Widened(op, "x", schema, parsed.X, input.Rows).Widened(op, "y", schema, parsed.Y, input.Rows)
                .SpaceCost(op.At("space"), parsed.Space, input.Rows);
            return parsed.Model == "Linear" ? cost
                : cost.Plus(op.At("d"), input.Rows, "rows", sizeof(double) * (parsed.Degree + 2L), $"for the degree-{parsed.Degree} fit");
        });

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment)
    {
        var table = input;
        var notes = new List<TaskNote>();
        foreach (var operation in Operations.Parse(args, input.Schema, Parse, out _))
        {
            var x = table[operation.X].AsDoubles();
            var y = table[operation.Y].AsDoubles();
            var points = Spaces.Of(operation.Space, x);
            if (operation.Model == "Linear")
            {
                var (m, c, r) = LeastSquares.Linear(x, y);
                for (var i = 0; i < points.Length; i++)
                {
                    points[i] = (m * points[i]) + c;
                }

                notes.Add(new TaskNote("Regression[Linear] Results",
                    $"m={PrintedNumbers.Python(m)}, c={PrintedNumbers.Python(c)}, r={PrintedNumbers.Python(r)}"));
            }
            else
            {
                var coefficients = LeastSquares.Polynomial(x, y, operation.Degree);
                for (var i = 0; i < points.Length; i++)
                {
                    points[i] = LeastSquares.Evaluate(coefficients, points[i]);
                }

                notes.Add(new TaskNote("Regression[Poly] Results", $"m={PrintedNumbers.NumpyArray(coefficients)}, c=None, r=None"));
            }

            table = table.With(operation.Column, new Column<double>(points));
        }

        return new TaskOutput(table, notes, []);
    }

    private sealed record Operation(string X, string Y, string Model, int Degree, string Space, string Column);

    private static Operation Parse(TaskArgs operation, ref TableSchema schema)
    {
        var x = operation.RequireColumn("x", schema);
        var y = operation.RequireColumn("y", schema);
        var model = operation.RequireChoice("model", Models);
        var degree = model == "Poly" || operation.Has("d") ? operation.RequireInt("d", minimum: 0) : 1;
        if (degree > MaxDegree)
        {
            // The fit holds a rows × (d + 1) matrix; past this the fit is numerically meaningless anyway.
            throw new TaskArgumentException(operation.At("d"), $"expected a degree of at most {MaxDegree}, got {degree}");
        }

        var space = operation.RequireString("space");
        var column = y + model;
        schema = schema.With(column, DType.F8);
        return new Operation(x, y, model, degree, space, column);
    }
}
