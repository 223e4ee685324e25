using System.Collections.Concurrent;
using MQTTnet;
using Rtl.Grains.Streams.Internals;
using Rtl.Streams;

namespace Rtl.Grains.Streams;

/// <summary>
/// One MQTT connection per broker for the sinks of every stream on this silo. A broker that is down is tried again
/// with back-off (0.5 s doubling to 30 s); meanwhile a publish fails at once with the last error, so a window does not
/// wait on a dead broker.
/// </summary>
public sealed class MqttPublishers : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Host, int Port), Broker> brokers = new();
    private readonly MqttClientFactory factory = new();

    public Task PublishAsync(StreamEndpoint.Mqtt sink, byte[] payload, CancellationToken cancellationToken) =>
        brokers.GetOrAdd((sink.Host, sink.Port), key => new Broker(factory, key.Host, key.Port)).PublishAsync(sink, payload, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var broker in brokers.Values)
        {
            await broker.DisposeAsync();
        }
    }

    private sealed class Broker(MqttClientFactory factory, string host, int port) : IAsyncDisposable
    {
        private readonly IMqttClient client = factory.CreateMqttClient();
        private readonly SemaphoreSlim gate = new(1, 1);
        private readonly Backoff backoff = new();
        private string? lastError;

        public async Task PublishAsync(StreamEndpoint.Mqtt sink, byte[] payload, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                if (!client.IsConnected)
                {
                    if (!backoff.MayTry(DateTime.UtcNow))
                    {
                        throw new MqttBrokerException($"{sink}: the broker is not reachable ({lastError}); trying again in {backoff.Wait.TotalSeconds:0.#} s");
                    }

                    try
                    {
                        var options = new MqttClientOptionsBuilder().WithTcpServer(host, port)
                            .WithClientId("rtl-sink-" + Guid.NewGuid().ToString("N")[..12]).WithCleanSession().Build();
                        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                        timeout.CancelAfter(TimeSpan.FromSeconds(5));
                        await client.ConnectAsync(options, timeout.Token);
                        backoff.Succeeded();
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        lastError = e.Message;
                        backoff.Failed(DateTime.UtcNow);
                        throw new MqttBrokerException($"{sink}: cannot connect to the broker: {e.Message}");
                    }
                }

                var message = new MqttApplicationMessageBuilder().WithTopic(sink.Topic).WithPayload(payload).Build();
                await client.PublishAsync(message, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync();
            }

            client.Dispose();
            gate.Dispose();
        }
    }
}
