using Rtl.Data;
using Rtl.Grains.Tasks;
using Xunit;
using static Rtl.Tests.Tasks.TaskHarness;

namespace Rtl.Tests.Tasks;

public sealed class ColumnSpaceTaskTests
{
    private readonly ColumnSpaceTask task = new();

    private Table Space(string column, string space, Table input) =>
        RunTable(task, $$"""{"column": "{{column}}", "space": "{{space}}"}""", input);

    [Fact]
    public void Name_is_column_space() => Assert.Equal("column_space", task.Name);

    [Fact]
    public void Linear_spans_zero_to_max_as_f8_not_truncated()
    {
        var output = Space("b", "linear", Ab());
        Assert.Equal(DType.F8, output["bSpace"].Type);
        Close([0, 23.0 / 3, 46.0 / 3, 23], output.Doubles("bSpace"));
    }

    [Fact]
    public void Log_is_logspace_from_0_001_to_1_independent_of_the_data()
    {
        var output = Space("b", "log", Ab());
        Close([Math.Pow(10, 0.001), Math.Pow(10, 0.001 + (0.999 / 3)), Math.Pow(10, 0.001 + (2 * 0.999 / 3)), 10], output.Doubles("bSpace"));
    }

    [Fact]
    public void Sorted_is_the_column_ascending()
    {
        Assert.Equal([2.0, 7, 13, 23], Space("b", "sorted", Ab()).Doubles("bSpace"));
    }

    [Fact]
    public void Any_other_word_also_means_sorted_as_in_the_seed() =>
        Assert.Equal([2.0, 7, 13, 23], Space("b", "whatever", Ab()).Doubles("bSpace"));

    [Fact]
    public void Seed_float_linear_case_keeps_fractions()
    {
        Close([0, 2.25, 4.5, 6.75, 9], Space("x", "linear", Axy()).Doubles("xSpace"));
    }

    [Fact]
    public void Sorted_puts_nan_last_and_infinities_at_the_ends()
    {
        var input = Table.Create(("v", Column.Of(3.0, double.NaN, double.NegativeInfinity, 1, double.PositiveInfinity)));
        Close([double.NegativeInfinity, 1, 3, double.PositiveInfinity, double.NaN], Space("v", "sorted", input).Doubles("vSpace"));
    }

    [Fact]
    public void Linear_with_nan_in_the_column_is_nan()
    {
        var input = Table.Create(("v", Column.Of(3.0, double.NaN, 1)));
        Assert.All(Space("v", "linear", input).Doubles("vSpace"), v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Empty_table_gives_an_empty_column()
    {
        Assert.Equal(0, Space("a", "linear", Empty())["aSpace"].Length);
        Assert.Equal(0, Space("a", "log", Empty())["aSpace"].Length);
    }

    [Fact]
    public void One_row_linear_is_zero() => Assert.Equal([0.0], Space("v", "linear", Table.Create(("v", Column.Of(5.0)))).Doubles("vSpace"));

    [Fact]
    public void More_than_256_rows_are_all_spanned()
    {
        var output = Space("i", "linear", Large(1000));
        Close(Enumerable.Range(0, 1000).Select(i => (double)i).ToArray(), output.Doubles("iSpace"));
    }

    [Fact]
    public void Existing_space_column_is_replaced()
    {
        var output = Space("b", "sorted", Space("b", "linear", Ab()));
        Assert.Equal(["a", "b", "bSpace"], output.Names.ToArray());
        Assert.Equal([2.0, 7, 13, 23], output.Doubles("bSpace"));
    }

    [Fact]
    public void Missing_column_is_an_error() => PlanFails(task, """{"space": "linear"}""", Ab(), "column", "required argument is missing");

    [Fact]
    public void Unknown_column_lists_the_columns() =>
        PlanFails(task, """{"column": "z", "space": "linear"}""", Ab(), "column", "column 'z' not found (columns: a, b)");

    [Fact]
    public void Missing_space_is_an_error() => PlanFails(task, """{"column": "a"}""", Ab(), "space", "required argument is missing");

    [Fact]
    public void Space_of_wrong_type_is_an_error() =>
        PlanFails(task, """{"column": "a", "space": 1}""", Ab(), "space", "expected a string, got the number 1");
}
