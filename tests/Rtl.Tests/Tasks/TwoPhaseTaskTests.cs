using Rtl.Data;
using Rtl.Grains.Tasks;
using Rtl.Tasks;
using Xunit;
using static Rtl.Tests.Tasks.TaskHarness;

namespace Rtl.Tests.Tasks;

/// <summary>
/// A two-phase task over chunks (each chunk's partials, then combined in row order) against the same task run on the
/// whole table: equal bit for bit for keys, count, min, max, first and last; within 1e-12 relative for the sums.
/// </summary>
public sealed class TwoPhaseTaskTests
{
    private const string AllOps = """
        {"keys": ["k", "f"], "aggregations": [
          {"a": "x", "op": "count", "column": "count"}, {"a": "x", "op": "sum", "column": "sum"}, {"a": "x", "op": "mean", "column": "mean"},
          {"a": "x", "op": "min", "column": "min"}, {"a": "x", "op": "max", "column": "max"}, {"a": "x", "op": "std", "column": "std"},
          {"a": "x", "op": "var", "column": "var", "ddof": 1}, {"a": "x", "op": "first", "column": "first"}, {"a": "x", "op": "last", "column": "last"}]}
        """;

    private static readonly string[] Exact = ["k", "f", "count", "min", "max", "first", "last"];

    /// <summary>Keys k (i8, 37 values) and f (f8 with NaN and -0), values x with NaN runs and a group that is all NaN.</summary>
    private static Table Sample(int rows)
    {
        var random = new Random(5);
        var k = new long[rows];
        var f = new double[rows];
        var x = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            k[i] = random.Next(-18, 19);
            f[i] = random.Next(4) switch { 0 => double.NaN, 1 => -0.0, 2 => 0.0, _ => 2.5 };
            x[i] = k[i] == 7 || random.Next(10) == 0 ? double.NaN : 1e6 + (random.NextDouble() * 1000);
        }

        return Table.Create(("k", Column.Of(k)), ("f", Column.Of(f)), ("x", Column.Of(x)));
    }

    private static TaskOutput Chunked(ITwoPhaseTask task, string json, Table input, int chunkRows)
    {
        var args = TaskArgs.Parse(json);
        var partials = new List<Table>();
        var rows = new List<Table>();
        for (var start = 0; start < input.RowCount; start += chunkRows)
        {
            var chunk = input.Slice(start, Math.Min(chunkRows, input.RowCount - start));
            partials.Add(task.Partial(args, chunk, start, TestEnvironment.Instance));
            rows.Add(task.KeepsRows ? chunk : chunk.Slice(0, 0));
        }

        return task.Combine(args, Table.Concat(rows), partials, TestEnvironment.Instance);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(7_777)]
    [InlineData(50_000)]
    public void Group_by_over_chunks_equals_the_whole_table(int chunkRows)
    {
        var input = Sample(50_000);
        var whole = RunTable(new GroupByTask(), AllOps, input);
        var chunked = Chunked(new GroupByTask(), AllOps, input, chunkRows).Table;

        Assert.Equal(whole.Names, chunked.Names);
        Assert.Equal(whole.RowCount, chunked.RowCount);
        foreach (var name in whole.Names)
        {
            if (Exact.Contains(name))
            {
                Assert.True(whole[name].Bytes.SequenceEqual(chunked[name].Bytes), $"{name} differs");
            }
            else
            {
                Close(whole.Doubles(name), chunked.Doubles(name));
            }
        }
    }

    [Fact]
    public void Group_by_over_chunks_keeps_the_first_rows_key_value_and_the_first_and_last_values_across_chunks()
    {
        // Key -0 first (chunk 0), 0 later; x's first non-NaN value is in chunk 1 and its last in chunk 2.
        var input = Table.Create(("k", Column.Of(-0.0, 0.0, 0.0, 0.0, 0.0, 0.0)), ("x", Column.Of(double.NaN, double.NaN, 3.0, 4.0, 5.0, double.NaN)));
        var json = """{"keys": ["k"], "aggregations": [{"a": "x", "op": "first", "column": "f"}, {"a": "x", "op": "last", "column": "l"}]}""";
        var output = Chunked(new GroupByTask(), json, input, 2).Table;
        Assert.True(double.IsNegative(output.Doubles("k")[0]));
        Assert.Equal([3.0], output.Doubles("f"));
        Assert.Equal([5.0], output.Doubles("l"));
    }

    [Fact]
    public void Average_over_chunks_equals_the_whole_table_including_an_operation_on_an_earlier_ones_column()
    {
        var input = Large(30_001);
        var json = """{"operations": [{"a": "x", "column": "m"}, {"a": "i", "column": "mi"}, {"a": "m", "column": "mm"}]}""";
        var whole = RunTable(new AverageTask(), json, input);
        var chunked = Chunked(new AverageTask(), json, input, 4_096).Table;

        Assert.Equal(whole.Names, chunked.Names);
        Assert.True(whole["x"].Bytes.SequenceEqual(chunked["x"].Bytes));
        foreach (var name in new[] { "m", "mi", "mm" })
        {
            Close(whole.Doubles(name), chunked.Doubles(name));
        }
    }

    [Fact]
    public void Average_over_chunks_with_a_nan_is_nan() =>
        Assert.True(double.IsNaN(Chunked(new AverageTask(), """{"operations": [{"a": "x", "column": "m"}]}""",
            Table.Create(("x", Column.Of(1.0, 2, double.NaN, 4))), 2).Table.Doubles("m")[3]));
}
