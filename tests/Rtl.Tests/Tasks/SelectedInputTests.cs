using Rtl.Data;
using Rtl.Grains.Tasks;
using Xunit;
using static Rtl.Tests.Tasks.TaskHarness;

namespace Rtl.Tests.Tasks;

/// <summary>
/// Tasks after a filter read lazily selected columns: their results must equal those on an eagerly gathered
/// table, and the element-wise ones must not copy the selected inputs whole.
/// </summary>
public sealed class SelectedInputTests
{
    private const int Rows = 40_000; // more than one block of the piecewise reader

    private static (Table Lazy, Table Eager) Filtered()
    {
        var random = new Random(7);
        var table = Table.Create(
            ("f", Column.Of(Enumerable.Range(0, Rows).Select(_ => random.NextDouble() * 100).ToArray())),
            ("g", Column.Of(Enumerable.Range(0, Rows).Select(_ => random.NextDouble() * 10 + 1).ToArray())),
            ("i", Column.Of(Enumerable.Range(0, Rows).Select(_ => (long)random.Next(-50, 50)).ToArray())),
            ("s", Column.Of(Enumerable.Range(0, Rows).Select(_ => (float)random.NextDouble()).ToArray())));
        var lazy = RunTable(new FilterTask(), """{"operations":[{"column":"f","method":"gt","value":30}]}""", table);
        var kept = Enumerable.Range(0, Rows).Where(r => ((Column<double>)table["f"])[r] > 30).ToArray();
        return (lazy, table.Gather(kept));
    }

    [Theory]
    [InlineData("add", """{"operations":[{"a":"f","b":"g","column":"r"}]}""")]
    [InlineData("subtract", """{"operations":[{"a":"i","b":"s","column":"r"}]}""")]
    [InlineData("multiply", """{"operations":[{"a":"s","b":2.5,"column":"r"}]}""")]
    [InlineData("divide", """{"operations":[{"a":"g","b":"i","column":"r"}]}""")]
    [InlineData("power", """{"operations":[{"a":"g","b":"s","column":"r"}]}""")]
    [InlineData("log", """{"operations":[{"a":"f","column":"r"}]}""")]
    [InlineData("square_root", """{"operations":[{"a":"i","column":"r"}]}""")]
    [InlineData("cross_average", """{"operations":[{"columns":["f","g","i","s"],"column":"r"}]}""")]
    [InlineData("cross_max", """{"operations":[{"columns":["g","i"],"column":"r"}]}""")]
    public void An_element_wise_task_on_a_selection_computes_what_it_does_on_a_copy_without_copying_its_inputs(string task, string json)
    {
        var registry = Rtl.Grains.Registry.TaskRegistry.BuiltIn();
        Assert.True(registry.TryFind(task, out var kernel));
        var (lazy, eager) = Filtered();
        Assert.True(lazy.RowCount is > 20_000 and < Rows);

        var expected = RunTable(kernel, json, eager).Doubles("r");
        // Not through the harness: it reads every input column to check that none was written.
        var actual = kernel!.Run(Rtl.Tasks.TaskArgs.Parse(json), lazy, TestEnvironment.Instance).Table.Doubles("r");

        Assert.Equal(expected, actual);
        Assert.All(lazy.Columns, column => Assert.False(column.IsMaterialized));
    }

    [Fact]
    public void A_whole_table_task_on_a_selection_reads_the_selected_rows()
    {
        var (lazy, eager) = Filtered();
        var json = """{"model":"PercentOfMax","columns":["f","i"]}""";
        var expected = RunTable(new NormalizeTask(), json, eager);
        var actual = RunTable(new NormalizeTask(), json, lazy);
        Assert.Equal(expected.Doubles("f"), actual.Doubles("f"));
        Assert.Equal(expected.Doubles("i"), actual.Doubles("i"));
        Assert.Equal(eager["g"].Bytes.ToArray(), actual["g"].Bytes.ToArray());
    }
}
