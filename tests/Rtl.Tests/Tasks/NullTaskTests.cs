using Rtl.Data;
using Rtl.Grains.Tasks;
using Rtl.Tasks;
using Xunit;
using static Rtl.Tests.Tasks.TaskHarness;

namespace Rtl.Tests.Tasks;

public sealed class NullTaskTests
{
    private readonly NullTask task = new();

    [Fact]
    public void Name_is_null() => Assert.Equal("null", task.Name);

    [Fact]
    public void Returns_the_same_table()
    {
        var input = Ab();
        Assert.Same(input, RunTable(task, "{}", input));
    }

    [Fact]
    public void Plan_returns_the_input_schema()
    {
        var schema = Axy().Schema;
        Assert.Same(schema, task.Plan(TaskArgs.Parse("{}"), schema, TestEnvironment.Instance));
    }

    [Fact]
    public void Seed_default_envelope_payload_passes_through()
    {
        var input = Table.Create(("1", Column.Of(0L)));
        var output = RunTable(task, "", input);
        Assert.Equal([0L], output.Longs("1"));
    }

    [Fact]
    public void Empty_table_passes_through() => Assert.Equal(0, RunTable(task, "{}", Empty()).RowCount);

    [Fact]
    public void Arguments_are_ignored()
    {
        var input = Ab();
        Assert.Same(input, RunTable(task, """{"anything": 1}""", input));
    }
}
