using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using MQTTnet;

namespace Rtl.Benchmarks;

/// <summary>
/// One MQTT connection of the bench (MQTTnet, the client the silo uses): publishes readings at QoS 0, or hands on what
/// arrives on the topics it subscribes to, stamped on arrival so the time a reader spends parsing is not counted.
/// </summary>
public sealed class BenchMqtt : IAsyncDisposable
{
    private readonly IMqttClient client = new MqttClientFactory().CreateMqttClient();
    private readonly Channel<Arrival> arrivals = Channel.CreateUnbounded<Arrival>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>A message as it arrived: <see cref="Stopwatch.GetTimestamp"/> and its payload.</summary>
    public readonly record struct Arrival(long Timestamp, byte[] Payload);

    public static async Task<BenchMqtt> Connect(int port)
    {
        var mqtt = new BenchMqtt();
        mqtt.client.ApplicationMessageReceivedAsync += e =>
        {
            mqtt.arrivals.Writer.TryWrite(new Arrival(Stopwatch.GetTimestamp(), e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
        await mqtt.client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port)
            .WithClientId("rtl-bench-" + Guid.NewGuid().ToString("N")[..8]).WithCleanSession().Build());
        return mqtt;
    }

    public Task Subscribe(string topic) =>
        client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topic).Build());

    /// <summary>The next message on a subscribed topic, or null when none comes within <paramref name="patience"/>.</summary>
    public async Task<Arrival?> Next(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            return await arrivals.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// Publishes readings <paramref name="first"/> onwards, <paramref name="perMessage"/> to a message (one JSON object, or
    /// an array of them), one message after another as a sensor loop would; returns when the last is written to the socket.
    /// </summary>
    public async Task PublishReadings(string topic, int first, int count, int perMessage = 1)
    {
        for (var i = first; i < first + count; i += perMessage)
        {
            var payload = Readings(i, Math.Min(perMessage, first + count - i), array: perMessage > 1);
            await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).Build());
        }
    }

    /// <summary>Reading i is <c>{"temperature": 20 + (i mod 100) / 10, "sensor": i mod 8}</c>, as paho's side writes it.</summary>
    public static byte[] Readings(int first, int count, bool array)
    {
        var text = new StringBuilder(array ? "[" : "");
        for (var i = first; i < first + count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(i == first ? "" : ", ")}{{\"temperature\": {20 + (i % 100 / 10.0):0.0}, \"sensor\": {i % 8}}}");
        }

        return Encoding.UTF8.GetBytes(text.Append(array ? "]" : "").ToString());
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
