using System.Text.Json;
using Rtl.Data;
using Rtl.Grains.Streams;
using Rtl.Streams;
using Xunit;

namespace Rtl.Tests.Streams;

public sealed class StreamDefinitionTests
{
    private const string Pipeline = """{"stages": [{"tasks": [{"task": "null"}]}]}""";

    private static StreamDefinition Valid => new("greenhouse", Pipeline, "mqtt://127.0.0.1:1883/sensors/+", 100, 5, ["mqtt://broker/out", "file:out/g.csv"], 10_000);

    [Fact]
    public void A_valid_definition_passes_and_its_endpoints_parse()
    {
        Valid.Validate();
        Assert.Equal(new StreamEndpoint.Mqtt("127.0.0.1", 1883, "sensors/+"), Valid.ParseSource());
        Assert.Equal(new StreamEndpoint.Mqtt("broker", 1883, "out"), StreamEndpoint.ParseSink("mqtt://broker/out"));
        Assert.Equal(new StreamEndpoint.CsvFile("out/g.csv"), StreamEndpoint.ParseSink("file:out/g.csv"));
        Assert.IsType<StreamEndpoint.Api>(StreamEndpoint.ParseSource("http"));
    }

    public static TheoryData<StreamDefinition, string, string> Invalid() => new()
    {
        { Valid with { Name = "a/b" }, "name", "'a/b' is not a stream name" },
        { Valid with { Window = 0 }, "--window", "1 to 1,000,000 rows (got 0)" },
        { Valid with { EverySeconds = -1 }, "--every", "(got -1)" },
        { Valid with { BufferRows = 10 }, "--buffer", "from one window (100 rows)" },
        { Valid with { Source = "kafka://x" }, "--source", "'kafka://x' is not a source" },
        { Valid with { Source = "mqtt://host:99999/t" }, "--source", "the port '99999' is not a number from 1 to 65535" },
        { Valid with { Source = "mqtt://host" }, "--source", "names no topic" },
        { Valid with { Sinks = ["mqtt://host/out/#"] }, "--sink", "without the wildcards" },
        { Valid with { Sinks = ["file:out.txt"] }, "--sink", "file:PATH.csv" },
        { Valid with { Pipeline = """{"stages": [}""" }, "pipeline", "" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_definition_names_its_argument(StreamDefinition definition, string argument, string message)
    {
        var e = Assert.Throws<StreamDefinitionException>(definition.Validate);
        Assert.Equal(argument, e.Argument);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_window_message_carries_the_result_with_nan_as_null()
    {
        var table = Table.Create(("t", Column.Of(1.5, double.NaN)), ("n", Column.Of(3L, 4L)));

        using var json = JsonDocument.Parse(WindowMessage.Write("greenhouse", 7, table));

        var root = json.RootElement;
        Assert.Equal("greenhouse", root.GetProperty("stream").GetString());
        Assert.Equal(7, root.GetProperty("window").GetInt64());
        Assert.Equal(2, root.GetProperty("rows").GetInt32());
        Assert.Equal("[1.5,null]", root.GetProperty("columns").GetProperty("t").GetRawText());
        Assert.Equal("[3,4]", root.GetProperty("columns").GetProperty("n").GetRawText());
    }
}
