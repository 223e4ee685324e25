using System.Text.Json.Nodes;
using Rtl.Benchmarks;
using Rtl.IntegrationTests.Processes;
using Rtl.IntegrationTests.Streams;
using Xunit;
using Xunit.Abstractions;

namespace Rtl.IntegrationTests.Hosts;

/// <summary>
/// A stream on a cluster of hosts: its MQTT connection lives on one silo, and when that host dies the connection moves
/// to a live one and the windows go on, numbered where they left off, with what sensors published at QoS 1 meanwhile.
/// </summary>
[Collection(ClusterOfHostsCollection.Name)]
public sealed class StreamOnHostsTests(ClusterOfHosts cluster, ITestOutputHelper output) : HostsTest(cluster, output), IDisposable
{
    private const int Window = 100;
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(4);
    private readonly MosquittoBroker broker = MosquittoBroker.Start(FreePorts.Next());
    [HostsFact]
    public async Task The_mqtt_connection_moves_to_a_live_host_when_its_host_dies_and_readings_published_meanwhile_at_qos_1_arrive()
    {
        var definition = new JsonObject
        {
            ["name"] = "hosts-greenhouse",
            ["pipeline"] = JsonNode.Parse("""{"stages": [{"tasks": [{"task": "add", "operations": [{"a": "temperature", "b": "sensor", "column": "t2"}]}]}]}"""),
            ["source"] = broker.Url("hosts/in"),
            ["window"] = Window,
            ["sinks"] = new JsonArray(broker.Url("hosts/out")),
        };
        using var defined = await Cluster[1].Http.PostAsync("/api/streams", new StringContent(definition.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.True(defined.StatusCode == System.Net.HttpStatusCode.Created, await defined.Content.ReadAsStringAsync());
        await using var mqtt = await MqttTestClient.Connect(broker.Port);
        await mqtt.Subscribe("hosts/out");

        var first = await WaitHeld(Cluster.Hosts, _ => true);
        Output.WriteLine($"the connection is held by {first}");
        await Publish(mqtt, 0, 2 * Window);
        Assert.Equal(2, (await mqtt.WaitFor(2, Settle)).Length);

        await first.KillAsync();
        // Published at QoS 1 while no silo holds the connection: the broker keeps them in the stream's session.
        await Publish(mqtt, 2 * Window, 2 * Window, atLeastOnce: true);
        var survivors = Cluster.Hosts.Where(h => h.IsRunning).ToArray();
        var second = await WaitHeld(survivors, h => h != first);
        Output.WriteLine($"killed {first}; the connection moved to {second}");

        var windows = await mqtt.WaitFor(4, Settle);
        if (windows.Length != 4)
        {
            using var status = await second.Http.GetAsync("/api/streams/hosts-greenhouse");
            Assert.Fail($"{windows.Length} of 4 windows within {Settle}; the stream as {second} sees it: {await status.Content.ReadAsStringAsync()}");
        }

        for (var k = 0; k < 4; k++)
        {
            var message = windows[k].RootElement;
            Assert.Equal(k, message.GetProperty("window").GetInt64()); // numbering carries on across the kill
            var t2 = message.GetProperty("columns").GetProperty("t2").EnumerateArray().Select(v => v.GetDouble());
            Assert.Equal(Enumerable.Range(Window * k, Window).Select(i => i + 1.0), t2);
        }

        using var removed = await survivors[0].Http.DeleteAsync("/api/streams/hosts-greenhouse");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, removed.StatusCode);
    }

    private static async Task Publish(MqttTestClient mqtt, int from, int count, bool atLeastOnce = false)
    {
        for (var i = from; i < from + count; i++)
        {
            await mqtt.Publish("hosts/in", $$"""{"temperature": {{i}}, "sensor": 1}""", atLeastOnce);
        }
    }

    /// <summary>
    /// Asks the hosts for the stream's source state until it reads "connected from silo ADDRESS:PORT" of a host that
    /// <paramref name="wanted"/> accepts; a 503 while the cluster votes a dead host out means ask again.
    /// </summary>
    private async Task<Host> WaitHeld(IReadOnlyList<Host> asking, Func<Host, bool> wanted)
    {
        var deadline = DateTime.UtcNow + Settle;
        var last = "(no answer yet)";
        for (var attempt = 0; DateTime.UtcNow < deadline; attempt++)
        {
            var via = asking[attempt % asking.Count];
            try
            {
                using var response = await via.Http.GetAsync("/api/streams/hosts-greenhouse");
                var text = await response.Content.ReadAsStringAsync();
                last = $"{via}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}";
                if (response.IsSuccessStatusCode && JsonNode.Parse(text)!["sourceState"]!.GetValue<string>() is { } state)
                {
                    last = $"{via}: {state}";
                    var holder = Cluster.Hosts.FirstOrDefault(h => state == $"connected from silo {h.Address}:{h.SiloPort}");
                    if (holder is not null && wanted(holder))
                    {
                        return holder;
                    }
                }
            }
            catch (HttpRequestException e)
            {
                last = $"{via}: {e.Message}";
            }

            await Task.Delay(250);
        }

        Assert.Fail($"no wanted host held the stream's connection within {Settle}; last: {last}");
        return null!;
    }

    public void Dispose() => broker.Dispose();
}
