using System.Buffers;
using MQTTnet;
using MQTTnet.Protocol;
using Microsoft.Extensions.Logging;
using Rtl.Grains.Streams.Internals;
using Rtl.Streams;

namespace Rtl.Grains.Streams;

/// <summary>
/// A stream's MQTT subscription: reads each message as readings and hands them to the stream's DataNode, batching
/// what arrives while the previous batch is on its way (or its windows are running). Reconnects with back-off when the broker goes;
/// tells the DataNode how the connection stands. The session is the stream's, not the silo's: one client id per
/// cluster and stream, kept at the broker for <see cref="SessionSeconds"/> after a disconnect and subscribed at QoS 1,
/// so what sensors publish at QoS 1 while the connection moves to another silo waits at the broker for the next holder.
/// </summary>
public sealed partial class MqttSource : IAsyncDisposable
{
    /// <summary>How long the broker keeps the stream's session (its subscription and QoS 1 messages) with no holder.</summary>
    public const uint SessionSeconds = 3600;

    /// <summary>Larger messages are refused unread: a reading is a few numbers.</summary>
    public const int MaxMessageBytes = 1 << 20;

    /// <summary>How long a batch waits for an unreachable DataNode: a dead silo is voted out well within it.</summary>
    private static readonly TimeSpan NodeUnreachableFor = TimeSpan.FromMinutes(2);

    /// <summary>Rows gathered while the stream lags behind the broker; beyond them messages are dropped (and counted).</summary>
    private const int MaxPendingRows = 100_000;

    private readonly string stream;
    private readonly StreamEndpoint.Mqtt endpoint;
    private readonly string holder;
    private readonly string clientId;
    private readonly IDataNodeGrain node;
    private readonly ILogger log;
    private readonly IMqttClient client = new MqttClientFactory().CreateMqttClient();
    private readonly ReadingsBuilder readings = new();
    private readonly SemaphoreSlim arrived = new(0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task running;
    /// <summary>Rows this source dropped (over its cap, or a hand-over that failed), told with the next batch.</summary>
    private int droppedRows;
    private int stopped;

    /// <remarks>
    /// <paramref name="clusterId"/> makes the client id, so two clusters on one broker keep sessions of their own;
    /// <paramref name="holder"/> is the silo this connection lives on (<c>address:port</c>), shown with its state.
    /// </remarks>
    public MqttSource(string stream, StreamEndpoint.Mqtt endpoint, string clusterId, string holder, IGrainFactory grains, ILogger log)
    {
        (this.stream, this.endpoint, this.holder, this.log) = (stream, endpoint, holder, log);
        clientId = $"rtl-{clusterId}-{stream}";
        node = grains.GetGrain<IDataNodeGrain>(stream);
        client.ApplicationMessageReceivedAsync += e =>
        {
            Receive(e.ApplicationMessage.Payload);
            return Task.CompletedTask;
        };
        running = Task.WhenAll(Task.Run(StayConnected), Task.Run(Forward));
    }

    public StreamEndpoint.Mqtt Endpoint => endpoint;

    private void Receive(ReadOnlySequence<byte> payload)
    {
        lock (readings)
        {
            if (payload.Length > MaxMessageBytes)
            {
                readings.Refuse($"a message of {payload.Length:N0} bytes on {endpoint.Topic}: the largest taken is {MaxMessageBytes:N0}");
            }
            else
            {
                var json = payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray();
                if (readings.Rows >= MaxPendingRows)
                {
                    Interlocked.Add(ref droppedRows, ReadingsBuilder.Count(json));
                }
                else
                {
                    readings.TryAdd(json);
                }
            }
        }

        arrived.Release();
    }

    /// <summary>Sends what has gathered, one batch at a time, so the DataNode sees rows in arrival order.</summary>
    private async Task Forward()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await arrived.WaitAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            while (arrived.CurrentCount > 0 && arrived.Wait(0))
            {
                // Drain the signals: one batch carries everything gathered so far.
            }

            RowBatch batch;
            lock (readings)
            {
                batch = readings.Build();
            }

            if (droppedRows > 0)
            {
                batch = batch with { Dropped = batch.Dropped + Interlocked.Exchange(ref droppedRows, 0) };
            }

            if (batch.RowCount == 0 && batch.Rejected == 0 && batch.Dropped == 0)
            {
                continue;
            }

            try
            {
                await Hand(batch);
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                // The DataNode stayed unreachable, or failed the call: these rows are lost, and counted as dropped.
                Interlocked.Add(ref droppedRows, batch.RowCount);
                LogForwardFailed(log, stream, batch.RowCount, e.Message);
            }
        }
    }

    /// <summary>
    /// Hands a batch to the DataNode, asking again while its silo is being voted out (the call was refused, not run):
    /// the DataNode comes back on a live silo and the batch reaches it, with what gathers meanwhile waiting behind it.
    /// </summary>
    private async Task Hand(RowBatch batch)
    {
        var giveUp = DateTime.UtcNow + NodeUnreachableFor;
        var backoff = new Backoff();
        while (true)
        {
            try
            {
                await node.Rows(batch);
                return;
            }
            catch (OrleansMessageRejectionException e) when (!stopping.IsCancellationRequested && DateTime.UtcNow < giveUp)
            {
                backoff.Failed(DateTime.UtcNow);
                LogNodeUnreachable(log, stream, e.Message, backoff.Wait.TotalSeconds);
                await Delay(backoff.Wait);
            }
        }
    }

    private async Task StayConnected()
    {
        var backoff = new Backoff();
        while (!stopping.IsCancellationRequested)
        {
            if (!client.IsConnected)
            {
                try
                {
                    var options = new MqttClientOptionsBuilder().WithTcpServer(endpoint.Host, endpoint.Port)
                        .WithClientId(clientId).WithCleanSession(false).WithSessionExpiryInterval(SessionSeconds)
                        .WithTimeout(TimeSpan.FromSeconds(5)).Build();
                    await client.ConnectAsync(options, stopping.Token);
                    await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                        .WithTopicFilter(endpoint.Topic, MqttQualityOfServiceLevel.AtLeastOnce).Build(), stopping.Token);
                    backoff.Succeeded();
                    await node.SourceIs($"connected from silo {holder}");
                    LogConnected(log, stream, endpoint);
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    backoff.Failed(DateTime.UtcNow);
                    await node.SourceIs($"connecting from silo {holder}: {endpoint}: {e.Message} (next try in {backoff.Wait.TotalSeconds:0.#} s)");
                    LogConnectFailed(log, stream, endpoint.ToString(), e.Message);
                    await Delay(backoff.Wait);
                    continue;
                }
                catch (OperationCanceledException)
                {
                    return; // stopped while connecting: not a failure of the stop that asked for it
                }
            }

            await Delay(TimeSpan.FromSeconds(1));
        }
    }

    private async Task Delay(TimeSpan wait)
    {
        try
        {
            await Task.Delay(wait, stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>
    /// Disconnects. With <paramref name="forgetSession"/> (the stream was removed or redefined) the subscription goes
    /// too, so the broker keeps nothing for it; without (the silo is leaving) the next holder takes the session over.
    /// </summary>
    public async Task StopAsync(bool forgetSession)
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        await stopping.CancelAsync();
        await running;
        if (client.IsConnected)
        {
            try
            {
                if (forgetSession)
                {
                    await client.UnsubscribeAsync(endpoint.Topic);
                }

                await client.DisconnectAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogDisconnectFailed(log, stream, e.Message); // the broker went first
            }
        }

        client.Dispose();
        arrived.Dispose();
        stopping.Dispose();
    }

    /// <summary>Stops as a silo leaving does (the session stays at the broker), unless it has stopped already.</summary>
    public async ValueTask DisposeAsync() => await StopAsync(forgetSession: false);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream {Stream}: connected to {Broker}")]
    private static partial void LogConnected(ILogger log, string stream, StreamEndpoint.Mqtt broker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {Stream}: cannot connect to {Broker}: {Error}")]
    private static partial void LogConnectFailed(ILogger log, string stream, string broker, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {Stream}: {Rows} rows could not be handed to its DataNode: {Error}")]
    private static partial void LogForwardFailed(ILogger log, string stream, int rows, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {Stream}: its DataNode is unreachable ({Error}); asking again in {Seconds} s")]
    private static partial void LogNodeUnreachable(ILogger log, string stream, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stream {Stream}: disconnecting: {Error}")]
    private static partial void LogDisconnectFailed(ILogger log, string stream, string error);
}
