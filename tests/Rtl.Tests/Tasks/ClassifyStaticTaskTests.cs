using Rtl.Data;
using Rtl.Grains.Tasks;
using Xunit;
using static Rtl.Tests.Tasks.TaskHarness;

namespace Rtl.Tests.Tasks;

public sealed class ClassifyStaticTaskTests
{
    private readonly ClassifyStaticTask task = new();

    private static Table Kv() => Table.Create(("k", Column.Of(5L, 3, 5, 9, 3, 5)), ("v", Column.Of(1.9, 2.2, 5.7, 0.1, 1.2, 5.2)));

    private Table Classify(string a, Table input) => RunTable(task, $$"""{"operations": [{"a": {{a}}, "column": "g"}]}""", input);

    [Fact]
    public void Name_is_classify_static() => Assert.Equal("classify_static", task.Name);

    [Fact]
    public void Seed_repeated_values_get_their_rank_and_frequency_as_i8()
    {
        var output = Classify("\"k\"", Kv());
        Assert.Equal("[('k', '<i8'), ('v', '<f8'), ('gClass', '<i8'), ('gClassCount', '<i8')]", output.Schema.ToString());
        Assert.Equal([1L, 0, 1, 2, 0, 1], output.Longs("gClass"));
        Assert.Equal([3L, 2, 3, 1, 2, 3], output.Longs("gClassCount"));
    }

    [Fact]
    public void Seed_single_column_key() =>
        Assert.Equal([0L, 1, 2, 3], Classify("\"a\"", Ab()).Longs("gClass"));

    [Fact]
    public void Float_keys_are_compared_exactly_not_truncated_to_int()
    {
        var output = Classify("\"v\"", Kv());
        Assert.Equal([2L, 3, 5, 0, 1, 4], output.Longs("gClass"));
        Assert.Equal([1L, 1, 1, 1, 1, 1], output.Longs("gClassCount"));
    }

    [Fact]
    public void Several_columns_form_one_key_sorted_lexicographically()
    {
        var input = Table.Create(("k", Column.Of(5L, 3, 5, 3)), ("v", Column.Of(2.0, 1, 1, 1)));
        var output = Classify("""["k", "v"]""", input);
        Assert.Equal([2L, 0, 1, 0], output.Longs("gClass"));
        Assert.Equal([1L, 2, 1, 2], output.Longs("gClassCount"));
    }

    [Fact]
    public void Key_order_follows_the_listed_columns()
    {
        var input = Table.Create(("k", Column.Of(5L, 3)), ("v", Column.Of(1.0, 2)));
        Assert.Equal([0L, 1], Classify("""["v", "k"]""", input).Longs("gClass"));
        Assert.Equal([1L, 0], Classify("""["k", "v"]""", input).Longs("gClass"));
    }

    [Fact]
    public void Seed_two_operations_put_all_class_columns_before_the_counts()
    {
        var input = Table.Create(("k", Column.Of(5L, 3, 5)), ("v", Column.Of(1L, 1, 2)));
        var output = RunTable(task, """{"operations": [{"a": "k", "column": "g"}, {"a": ["k", "v"], "column": "h"}]}""", input);
        Assert.Equal(["k", "v", "gClass", "hClass", "gClassCount", "hClassCount"], output.Names.ToArray());
        Assert.Equal([1L, 0, 1], output.Longs("gClass"));
        Assert.Equal([2L, 1, 2], output.Longs("gClassCount"));
        Assert.Equal([1L, 0, 2], output.Longs("hClass"));
        Assert.Equal([1L, 1, 1], output.Longs("hClassCount"));
    }

    [Fact]
    public void Later_operation_may_key_on_an_earlier_class_column()
    {
        var output = RunTable(task, """{"operations": [{"a": "k", "column": "g"}, {"a": "gClassCount", "column": "h"}]}""", Kv());
        Assert.Equal([2L, 1, 2, 0, 1, 2], output.Longs("hClass")); // counts 3, 2, 3, 1, 2, 3 ranked
    }

    [Fact]
    public void Nan_keys_are_one_class_sorted_last_and_negative_zero_equals_zero()
    {
        var input = Table.Create(("v", Column.Of(double.NaN, 0.0, double.NegativeInfinity, double.NaN, -0.0, double.PositiveInfinity)));
        var output = Classify("\"v\"", input);
        Assert.Equal([3L, 1, 0, 3, 1, 2], output.Longs("gClass"));
        Assert.Equal([2L, 2, 1, 2, 2, 1], output.Longs("gClassCount"));
    }

    [Fact]
    public void Empty_table_gives_empty_columns() => Assert.Equal(0, Classify("\"x\"", Empty())["gClass"].Length);

    [Fact]
    public void More_than_256_rows_are_all_classified()
    {
        var input = Table.Create(("m", Column.Of(Enumerable.Range(0, 1000).Select(i => (long)(i % 7)).ToArray())));
        var output = Classify("\"m\"", input);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)(i % 7)).ToArray(), output.Longs("gClass"));
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i % 7 < 6 ? 143L : 142L).ToArray(), output.Longs("gClassCount"));
    }

    [Fact]
    public void Missing_a_is_an_error() =>
        PlanFails(task, """{"operations": [{"column": "g"}]}""", Kv(), "operations[0].a", "required argument is missing");

    [Fact]
    public void Unknown_column_in_a_lists_the_columns() =>
        PlanFails(task, """{"operations": [{"a": ["k", "z"], "column": "g"}]}""", Kv(), "operations[0].a[1]", "column 'z' not found (columns: k, v)");

    [Fact]
    public void A_of_wrong_type_is_an_error() =>
        PlanFails(task, """{"operations": [{"a": 1, "column": "g"}]}""", Kv(), "operations[0].a", "expected a list of column names, got the number 1");

    [Fact]
    public void Missing_column_is_an_error() =>
        PlanFails(task, """{"operations": [{"a": "k"}]}""", Kv(), "operations[0].column", "required argument is missing");
}
