using Rtl.Data;
using Rtl.Grains.Tasks;
using Rtl.Tasks;
using Xunit;
using static Rtl.Tests.Tasks.TaskHarness;

namespace Rtl.Tests.Tasks;

public sealed class NormalizeTaskTests
{
    private readonly NormalizeTask task = new();

    /// <summary>The seed's normalize fixture: p (f8) and q (i8).</summary>
    private static Table Pq() => Table.Create(("p", Column.Of(1.0, 2, 3, 10, 4)), ("q", Column.Of(10L, 20, 30, 40, 200)));

    private TaskOutput Normalize(string model, string columns, string weight, Table input) =>
        Run(task, $$"""{"model": "{{model}}", "columns": {{columns}}, "weight": {{weight}}}""", input);

    [Fact]
    public void Name_is_normalize() => Assert.Equal("normalize", task.Name);

    [Fact]
    public void Squash_clips_at_twice_the_mean_and_divides_by_max_leaving_the_source_alone()
    {
        var input = Pq();
        var output = Normalize("Squash", """["p", "q"]""", "null", input);
        Assert.Equal("[('p', '<f8'), ('q', '<i8'), ('pNormal', '<f8'), ('qNormal', '<f8')]", output.Table.Schema.ToString());
        Close([0.0, 12.5, 25.0, 87.5, 37.5], output.Table.Doubles("pNormal"));
        Close([0, 10.0 / 120 * 100, 20.0 / 120 * 100, 30.0 / 120 * 100, 110.0 / 120 * 100], output.Table.Doubles("qNormal"));
        Assert.Same(input["p"], output.Table["p"]);
        Assert.Same(input["q"], output.Table["q"]);
    }

    [Fact]
    public void Squash_notes_report_max_min_avg_and_count()
    {
        var output = Normalize("Squash", """["p", "q"]""", "null", Pq());
        Assert.Equal(
            ["=> p: MAX 8.0 MIN 1.0 AVG 4.0 COUNT 5", "=> q: MAX 120.0 MIN 10.0 AVG 60.0 COUNT 5"],
            output.Notes.Select(n => n.ToString()));
    }

    [Fact]
    public void Percent_of_max_spans_min_to_max_as_0_to_100()
    {
        var output = Normalize("PercentOfMax", """["p", "q"]""", "null", Pq());
        Close([0.0, 11.11111111111111, 22.22222222222222, 100.0, 33.33333333333333], output.Table.Doubles("pNormal"));
        Close([0, 10.0 / 190 * 100, 20.0 / 190 * 100, 30.0 / 190 * 100, 100], output.Table.Doubles("qNormal"));
        Assert.Equal(["=> p: MAX 10.0 MIN 1.0", "=> q: MAX 200.0 MIN 10.0"], output.Notes.Select(n => n.ToString()));
    }

    [Fact]
    public void Distance_from_mean_seed_float_case_clamps_sequentially()
    {
        var output = Normalize("DistanceFromMean", """["p"]""", "0.1", Pq());
        Close([1.0, 2.0, 4.5, 6.783333333333333, 4.0], output.Table.Doubles("pNormal"));
        Assert.Equal(["p", "q", "pNormal"], output.Table.Names.ToArray());
    }

    [Fact]
    public void Distance_from_mean_on_int_columns_is_not_truncated()
    {
        var output = Normalize("DistanceFromMean", """["a", "b"]""", "0.01", Ab());
        Close([0, 1, 2, 3], output.Table.Doubles("aNormal"));
        var m1 = (2 + 23 + 13) / 3.0;
        var b1 = m1 * 1.01;
        var m2 = (b1 + 13 + 7) / 3.0;
        Close([2, b1, m2 * 1.01, 7], output.Table.Doubles("bNormal"));
    }

    [Fact]
    public void Distance_from_mean_with_negative_mean_clamps_into_the_flipped_band()
    {
        var input = Table.Create(("v", Column.Of(-10.0, -30, -10)));
        var output = Normalize("DistanceFromMean", """["v"]""", "0.1", input);
        Close([-10, -50.0 / 3 * 1.1, -10], output.Table.Doubles("vNormal"));
    }

    [Theory]
    [InlineData("Squash")]
    [InlineData("PercentOfMax")]
    public void Zero_denominator_gives_all_zero(string model)
    {
        var input = Table.Create(("v", Column.Of(0.0, 0, 0)), ("w", Column.Of(5.0, 5, 5)));
        var output = Normalize(model, """["v", "w"]""", "null", input).Table;
        Assert.Equal([0.0, 0, 0], output.Doubles("vNormal"));
        if (model == "PercentOfMax")
        {
            Assert.Equal([0.0, 0, 0], output.Doubles("wNormal"));
        }
    }

    [Theory]
    [InlineData("Squash")]
    [InlineData("PercentOfMax")]
    public void Nan_in_the_column_makes_the_result_nan(string model)
    {
        var input = Table.Create(("v", Column.Of(1.0, double.NaN, 3)));
        Assert.All(Normalize(model, """["v"]""", "null", input).Table.Doubles("vNormal"), v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Squash_normalises_every_row_of_more_than_256_not_n_mod_256()
    {
        var z = Enumerable.Range(0, 300).Select(i => (double)i).ToArray();
        var output = Normalize("Squash", """["z"]""", "null", Table.Create(("z", Column.Of(z))));
        Close(z.Select(v => v / 299 * 100).ToArray(), output.Table.Doubles("zNormal"));
        Assert.Equal("MAX 299.0 MIN 0.0 AVG 149.5 COUNT 300", output.Notes.Single().Value);
    }

    [Fact]
    public void Percent_of_max_on_exactly_256_rows_normalises_them_all()
    {
        var z = Enumerable.Range(0, 256).Select(i => (double)i).ToArray();
        var output = Normalize("PercentOfMax", """["z"]""", "null", Table.Create(("z", Column.Of(z))));
        Close(z.Select(v => v / 255 * 100).ToArray(), output.Table.Doubles("zNormal"));
    }

    [Fact]
    public void Distance_from_mean_covers_more_than_256_rows()
    {
        var input = Large(1000);
        var output = Normalize("DistanceFromMean", """["x"]""", "0", input).Table.Doubles("xNormal");
        var x = input.Doubles("x");

        // Weight 0 pins each inner row to its local mean.
        Assert.Equal(x[0], output[0]);
        Assert.Equal((output[997] + x[998] + x[999]) / 3, output[998], 12);
        Assert.Equal(x[999], output[999]);
    }

    [Theory]
    [InlineData("Squash")]
    [InlineData("PercentOfMax")]
    [InlineData("DistanceFromMean")]
    public void Empty_table_gives_empty_columns(string model) =>
        Assert.Equal(0, Normalize(model, """["x"]""", "0.1", Empty()).Table["xNormal"].Length);

    [Fact]
    public void Model_is_case_insensitive() =>
        Assert.Equal(5, Normalize("percentofmax", """["p"]""", "null", Pq()).Table["pNormal"].Length);

    [Fact]
    public void Single_column_name_is_a_list_of_one() =>
        Assert.Equal(3, Normalize("Squash", "\"p\"", "null", Pq()).Table.ColumnCount);

    [Fact]
    public void Missing_model_is_an_error_not_a_crash() =>
        PlanFails(task, """{"columns": ["p"], "model": null, "weight": null}""", Pq(), "model", "required argument is missing");

    [Fact]
    public void Unknown_model_is_an_error() =>
        PlanFails(task, """{"columns": ["p"], "model": "ZScore"}""", Pq(), "model",
            "unknown model 'ZScore' (expected one of: Squash, PercentOfMax, DistanceFromMean)");

    [Fact]
    public void Missing_columns_is_an_error() =>
        PlanFails(task, """{"model": "Squash"}""", Pq(), "columns", "required argument is missing");

    [Fact]
    public void Unknown_column_lists_the_columns() =>
        PlanFails(task, """{"model": "Squash", "columns": ["p", "r"]}""", Pq(), "columns[1]", "column 'r' not found (columns: p, q)");

    [Fact]
    public void Distance_from_mean_needs_a_weight() =>
        PlanFails(task, """{"model": "DistanceFromMean", "columns": ["p"]}""", Pq(), "weight", "required argument is missing");

    [Fact]
    public void Weight_of_wrong_type_is_an_error() =>
        PlanFails(task, """{"model": "DistanceFromMean", "columns": ["p"], "weight": "heavy"}""", Pq(), "weight", "expected a number, got the string \"heavy\"");

    [Fact]
    public void Model_of_wrong_type_is_an_error() =>
        PlanFails(task, """{"model": 1, "columns": ["p"]}""", Pq(), "model", "expected a string, got the number 1");
}
