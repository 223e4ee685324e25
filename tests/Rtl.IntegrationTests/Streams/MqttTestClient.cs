using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;

namespace Rtl.IntegrationTests.Streams;

/// <summary>A test's own MQTT connection: publishes readings and collects what arrives on the topics it subscribes to.</summary>
public sealed class MqttTestClient : IAsyncDisposable
{
    private readonly IMqttClient client = new MqttClientFactory().CreateMqttClient();

    public ConcurrentQueue<JsonDocument> Received { get; } = new();

    public static async Task<MqttTestClient> Connect(int port)
    {
        var test = new MqttTestClient();
        test.client.ApplicationMessageReceivedAsync += e =>
        {
            test.Received.Enqueue(JsonDocument.Parse(e.ApplicationMessage.ConvertPayloadToString()));
            return Task.CompletedTask;
        };
        await test.client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithCleanSession().Build());
        return test;
    }

    public Task Subscribe(string topic) =>
        client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topic).Build());

    /// <summary>Publishes at QoS 0 (a sensor's fire-and-forget) or, with <paramref name="atLeastOnce"/>, QoS 1.</summary>
    public Task Publish(string topic, string payload, bool atLeastOnce = false) =>
        client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(atLeastOnce ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce).Build());

    /// <summary>Waits until <paramref name="count"/> messages have arrived (bounded generously: a loaded machine is slow).</summary>
    public async Task<JsonDocument[]> WaitFor(int count, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (Received.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return [.. Received];
    }

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            await client.DisconnectAsync();
        }

        client.Dispose();
    }
}
