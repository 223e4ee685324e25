using Rtl.Pipelines;
using Xunit;

namespace Rtl.Tests.Pipelines;

/// <summary>A stage's <c>"on"</c>: the silo it must run on, in both JSON shapes and from C#.</summary>
public sealed class PinnedStageJsonTests
{
    [Fact]
    public void Both_shapes_read_on_and_ToJson_writes_it_back()
    {
        var list = Pipeline.FromJson("""{"stages": [{"on": "pi-3", "tasks": [{"task": "null"}]}, {"tasks": [{"task": "null"}]}]}""");
        var dict = Pipeline.FromJson("""{"0": {"on": "192.168.1.23:11111", "tasks": {"task_null": {}}}}""");

        Assert.Equal("pi-3", list.Stages[0].On);
        Assert.Null(list.Stages[1].On);
        Assert.Equal("192.168.1.23:11111", dict.Stages[0].On);
        var again = Pipeline.FromJson(list.ToJson());
        Assert.Equal(["pi-3", null], again.Stages.Select(s => s.On));
        Assert.DoesNotContain("\"on\"", Pipeline.FromJson("""{"stages": [{"tasks": [{"task": "null"}]}]}""").ToJson());
    }

    [Fact]
    public void The_builder_pins_a_stage()
    {
        var pipeline = Pipeline.Builder().Stage(s => s.On("pi-2").Task("null")).Stage(s => s.Task("null")).Build();

        Assert.Equal(["pi-2", null], pipeline.Stages.Select(s => s.On));
    }

    [Theory]
    [InlineData("""{"stages": [{"on": "", "tasks": [{"task": "null"}]}]}""", "stage 0: \"on\" must be a silo name or address (a non-empty string), not \"\"")]
    [InlineData("""{"stages": [{"on": 3, "tasks": [{"task": "null"}]}]}""", "stage 0: \"on\" must be a silo name or address (a non-empty string), not 3")]
    [InlineData("""{"0": {"tasks": {"null": {}}}, "1": {"on": ["a"], "tasks": {"null": {}}}}""", "stage 1: \"on\" must be a silo name or address (a non-empty string), not [\"a\"]")]
    public void A_bad_on_is_named(string json, string expected) =>
        Assert.Equal(expected, Assert.Throws<PipelineFormatException>(() => Pipeline.FromJson(json)).Message);
}
