using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Rtl.Data;
using Rtl.Grains.Hosting;
using Rtl.Jobs;
using Rtl.Pipelines;
using Rtl.Streams;

namespace Rtl.Grains.Streams;

public sealed partial class DataNodeGrain
{
    public async Task Rows(RowBatch batch)
    {
        var s = state.State;
        if (s.Definition is not { } definition)
        {
            LogNoStream(log, Name, batch.RowCount);
            return;
        }

        var now = DateTimeOffset.UtcNow;
        s.Received += batch.RowCount;
        s.Rejected += batch.Rejected;
        s.Dropped += batch.Dropped;
        if (batch.Error is { } error)
        {
            s.LastError = error;
        }

        rate.Add(now, batch.RowCount);
        // A batch larger than the buffer's room (many readings gathered while the last batch was on its way) goes in
        // a slice at a time, windows closing between slices: rows are dropped only when the buffer itself is full.
        for (var start = 0; start < batch.RowCount;)
        {
            var slice = Math.Min(batch.RowCount - start, Math.Max(buffer.Room, 1));
            s.Dropped += buffer.Add(batch, start, slice, now);
            start += slice;
            while (buffer.Count >= definition.Window)
            {
                await CloseWindow(definition, definition.Window);
            }
        }
    }

    private async Task CloseByAge(CancellationToken cancellationToken)
    {
        if (state.State.Definition is { EverySeconds: { } every } definition && buffer.OpenedAt is { } opened
            && DateTimeOffset.UtcNow - opened >= TimeSpan.FromSeconds(every))
        {
            await CloseWindow(definition, Math.Min(buffer.Count, definition.Window));
        }
    }

    /// <summary>Runs the window, records it (persisted before the sinks hear of it), then hands the result on.</summary>
    private async Task CloseWindow(StreamDefinition definition, int rows)
    {
        var s = state.State;
        var table = buffer.Take(rows, DateTimeOffset.UtcNow);
        var window = s.NextWindow++;
        var job = Guid.NewGuid();
        var clock = Stopwatch.StartNew();
        JobResult result;
        try
        {
            var runner = GrainFactory.GetGrain<IPipelineGrain>(IPipelineGrain.Local);
            result = pipeline is { } parsed ? await runner.Run(job, parsed, table, null) : await runner.RunNamed(job, definition.Pipeline, table, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            result = JobResult.Failed(job, [], clock.Elapsed.TotalMilliseconds, TaskFailures.Of(e));
        }

        if (result.Error is { } error)
        {
            s.Rejected++;
            s.LastError = $"window {window}: {error}";
        }

        var summary = new WindowSummary(window, rows, DateTimeOffset.UtcNow, result.Milliseconds, result.Error, result.Stages);
        s.Recent.Add(summary);
        if (s.Recent.Count > DataNodeState.KeptWindows)
        {
            s.Recent.RemoveRange(0, s.Recent.Count - DataNodeState.KeptWindows);
        }

        results.Add(new StreamWindow(Name, summary, result.Table), result.Files.Where(f => f.EndsWith(".png", StringComparison.OrdinalIgnoreCase)));
        DropPlotFiles(job);
        await state.WriteStateAsync();
        if (result.Table is { } output)
        {
            await Deliver(definition, window, output);
        }
    }

    private async Task Deliver(StreamDefinition definition, long window, Table output)
    {
        foreach (var sink in definition.Sinks.Select(StreamEndpoint.ParseSink))
        {
            try
            {
                switch (sink)
                {
                    case StreamEndpoint.Mqtt mqtt:
                        await publishers.PublishAsync(mqtt, WindowMessage.Write(Name, window, output), CancellationToken.None);
                        break;
                    case StreamEndpoint.CsvFile file:
                        await Task.Run(() => CsvSink.Append(TaskEnvironment.For(options.Value, Guid.Empty, options.Value.ResolvedSiloName), file.Path, output));
                        break;
                }
            }
            catch (Exception e) when (e is MqttBrokerException or IOException or UnauthorizedAccessException or Rtl.Tasks.TaskArgumentException)
            {
                state.State.LastError = $"window {window}: sink {SinkName(sink)}: {e.Message}";
                LogSinkFailed(log, Name, window, e.Message);
            }
        }
    }

    private static string SinkName(StreamEndpoint sink) => sink is StreamEndpoint.CsvFile file ? "file:" + file.Path : sink.ToString()!;

    /// <summary>A window's plots were read into memory (the latest window's are served); their files would fill the disk.</summary>
    private void DropPlotFiles(Guid job)
    {
        var directory = Path.Combine(options.Value.DataDir, "plots", job.ToString());
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stream {Stream}: {Rows} rows for a stream that is not defined, ignored")]
    private static partial void LogNoStream(ILogger log, string stream, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {Stream}: window {Window} not delivered: {Error}")]
    private static partial void LogSinkFailed(ILogger log, string stream, long window, string error);
}
