using System.Globalization;
using Rtl.Data;
using Rtl.Grains.Tasks;
using Rtl.Tasks;
using Xunit;
using static Rtl.Tests.Tasks.TaskHarness;

namespace Rtl.Tests.Tasks;

public sealed class RegressionTaskTests
{
    private readonly RegressionTask task = new();

    private TaskOutput Fit(string x, string y, string model, string space, Table input, string extra = "") =>
        Run(task, $$"""{"operations": [{"x": "{{x}}", "y": "{{y}}", "model": "{{model}}", "space": "{{space}}"{{extra}}}]}""", input);

    /// <summary>m, c and r parsed back from a Linear note.</summary>
    private static double[] LinearNote(TaskNote note)
    {
        Assert.Equal("Regression[Linear] Results", note.Key);
        var parts = note.Value.Split(", ");
        Assert.Equal(["m", "c", "r"], parts.Select(p => p.Split('=')[0]));
        return parts.Select(p => double.Parse(p.Split('=')[1], CultureInfo.InvariantCulture)).ToArray();
    }

    [Fact]
    public void Name_is_regression() => Assert.Equal("regression", task.Name);

    [Fact]
    public void Seed_linear_fit_evaluated_on_the_linear_space_of_x()
    {
        var output = Fit("a", "b", "Linear", "linear", Ab());
        Assert.Equal("[('a', '<i8'), ('b', '<i8'), ('bLinear', '<f8')]", output.Table.Schema.ToString());
        Close([10.500000000000002, 11.000000000000002, 11.5, 12.0], output.Table.Doubles("bLinear"));
        Close([0.4999999999999992, 10.500000000000002, 0.005107252298263587], LinearNote(output.Notes.Single()), 1e-12);
    }

    [Fact]
    public void Linear_note_uses_the_seed_format()
    {
        var input = Table.Create(("x", Column.Of(0.0, 1, 2)), ("y", Column.Of(1.0, 3, 5)));
        Assert.Equal("=> Regression[Linear] Results: m=2.0, c=1.0, r=1.0", Fit("x", "y", "Linear", "sorted", input).Notes.Single().ToString());
    }

    [Fact]
    public void Seed_linear_fit_on_the_sorted_space()
    {
        var output = Fit("x", "y", "Linear", "sorted", Axy());
        Close([2.6812500000000004, 3.0006944444444446, 3.2402777777777776, 3.6395833333333334, 4.438194444444444], output.Table.Doubles("yLinear"));
        Close([0.15972222222222215, 3.0006944444444446, 0.05218197601010066], LinearNote(output.Notes.Single()), 1e-12);
    }

    [Fact]
    public void Seed_cubic_through_four_points_interpolates_them()
    {
        var output = Fit("a", "b", "Poly", "linear", Ab(), """, "d": 3""");
        Close([2, 23, 13, 7], output.Table.Doubles("bPoly"), 1e-10);
        Assert.Equal("=> Regression[Poly] Results: m=[  5.83333333 -33.          48.16666667   2.        ], c=None, r=None",
            output.Notes.Single().ToString());
    }

    [Fact]
    public void Seed_degree_one_poly_on_the_log_space_matches_the_linear_fit()
    {
        var output = Fit("x", "y", "Poly", "log", Axy(), """, "d": 1""");
        Close([3.160784864415219, 3.2852161110361013, 3.5063622962426484, 3.899395690663379, 4.597916666666668], output.Table.Doubles("yPoly"), 1e-12);
        Assert.Equal("m=[0.15972222 3.00069444], c=None, r=None", output.Notes.Single().Value);
    }

    [Fact]
    public void Poly_of_degree_two_recovers_an_exact_quadratic_over_many_rows()
    {
        var x = Enumerable.Range(0, 1000).Select(i => (i - 500) / 10.0).ToArray();
        var y = x.Select(v => (3 * v * v) - (2 * v) + 7).ToArray();
        var output = Fit("x", "y", "Poly", "sorted", Table.Create(("x", Column.Of(x)), ("y", Column.Of(y))), """, "d": 2""");
        Close(y, output.Table.Doubles("yPoly"), 1e-9);
        Assert.Equal("m=[ 3. -2.  7.], c=None, r=None", output.Notes.Single().Value);
    }

    [Fact]
    public void Poly_with_more_coefficients_than_points_gives_the_minimum_norm_fit()
    {
        // numpy: polyfit([1, 2], [1, 2], 2) is rank deficient; lstsq returns the minimum-norm solution.
        var input = Table.Create(("x", Column.Of(1.0, 2)), ("y", Column.Of(1.0, 2)));
        var output = Fit("x", "y", "Poly", "sorted", input, """, "d": 2""");
        Close([1, 2], output.Table.Doubles("yPoly"), 1e-9);
    }

    [Fact]
    public void Linear_fit_of_a_constant_x_is_flat_at_the_mean_of_y()
    {
        var input = Table.Create(("x", Column.Of(2.0, 2, 2)), ("y", Column.Of(1.0, 2, 6)));
        var output = Fit("x", "y", "Linear", "sorted", input);
        Close([0, 3, 0], LinearNote(output.Notes.Single()));
        Close([3, 3, 3], output.Table.Doubles("yLinear"));
    }

    [Fact]
    public void Constant_y_fitted_exactly_has_r_squared_one() =>
        Assert.Equal(1, LinearNote(Fit("x", "y", "Linear", "sorted", Table.Create(("x", Column.Of(1.0, 2)), ("y", Column.Of(4.0, 4)))).Notes.Single())[2]);

    [Fact]
    public void Nan_in_the_data_gives_nan_results_not_an_error()
    {
        var input = Table.Create(("x", Column.Of(1.0, double.NaN, 3)), ("y", Column.Of(1.0, 2, 3)));
        Assert.All(Fit("x", "y", "Poly", "log", input, """, "d": 1""").Table.Doubles("yPoly"), v => Assert.True(double.IsNaN(v)));
        Assert.All(LinearNote(Fit("x", "y", "Linear", "log", input).Notes.Single()), v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Empty_table_gives_an_empty_column_and_nan_notes()
    {
        var output = Fit("a", "x", "Linear", "linear", Empty());
        Assert.Equal(0, output.Table["xLinear"].Length);
        Assert.Equal("m=nan, c=nan, r=nan", output.Notes.Single().Value);
        Assert.Equal("m=[nan nan], c=None, r=None", Fit("a", "x", "Poly", "linear", Empty(), """, "d": 1""").Notes.Single().Value);
    }

    [Fact]
    public void More_than_256_rows_fit_every_row()
    {
        var input = Large(1000);
        var y = input.Doubles("i").Select(i => (2 * i) + 1).ToArray();
        var output = Fit("i", "y", "Linear", "linear", input.With("y", Column.Of(y)));
        Close([2, 1, 1], LinearNote(output.Notes.Single()), 1e-12);
        Close(y, output.Table.Doubles("yLinear"), 1e-12);
    }

    [Fact]
    public void Model_is_case_insensitive_and_names_the_column_in_its_canonical_spelling() =>
        Assert.True(Fit("x", "y", "linear", "linear", Axy()).Table.Contains("yLinear"));

    [Fact]
    public void Each_operation_reports_its_own_note()
    {
        var output = Run(task, """
            {"operations": [{"x": "x", "y": "y", "model": "Linear", "space": "sorted"}, {"x": "x", "y": "yLinear", "model": "Poly", "d": 1, "space": "sorted"}]}
            """, Axy());
        Assert.Equal(["Regression[Linear] Results", "Regression[Poly] Results"], output.Notes.Select(n => n.Key));
        Assert.True(output.Table.Contains("yLinearPoly"));
    }

    [Fact]
    public void Unknown_model_is_an_error() =>
        PlanFails(task, """{"operations": [{"x": "x", "y": "y", "model": "Cubic", "space": "linear"}]}""", Axy(),
            "operations[0].model", "unknown model 'Cubic' (expected one of: Linear, Poly)");

    [Fact]
    public void Poly_without_a_degree_is_an_error() =>
        PlanFails(task, """{"operations": [{"x": "x", "y": "y", "model": "Poly", "space": "linear"}]}""", Axy(),
            "operations[0].d", "required argument is missing");

    [Fact]
    public void Negative_degree_is_an_error() =>
        PlanFails(task, """{"operations": [{"x": "x", "y": "y", "model": "Poly", "d": -1, "space": "linear"}]}""", Axy(),
            "operations[0].d", "expected an integer >= 0, got -1");

    [Fact]
    public void Huge_degree_is_an_error() =>
        PlanFails(task, """{"operations": [{"x": "x", "y": "y", "model": "Poly", "d": 1000, "space": "linear"}]}""", Axy(),
            "operations[0].d", "expected a degree of at most 32, got 1000");

    [Fact]
    public void Missing_space_is_an_error() =>
        PlanFails(task, """{"operations": [{"x": "x", "y": "y", "model": "Linear"}]}""", Axy(), "operations[0].space", "required argument is missing");

    [Fact]
    public void Missing_x_is_an_error() =>
        PlanFails(task, """{"operations": [{"y": "y", "model": "Linear", "space": "linear"}]}""", Axy(), "operations[0].x", "required argument is missing");

    [Fact]
    public void Unknown_y_lists_the_columns() =>
        PlanFails(task, """{"operations": [{"x": "x", "y": "w", "model": "Linear", "space": "linear"}]}""", Axy(),
            "operations[0].y", "column 'w' not found (columns: a, x, y)");

    [Fact]
    public void Missing_model_is_an_error() =>
        PlanFails(task, """{"operations": [{"x": "x", "y": "y", "space": "linear"}]}""", Axy(), "operations[0].model", "required argument is missing");
}
