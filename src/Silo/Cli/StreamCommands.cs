using System.CommandLine;
using System.Globalization;
using Rtl.Grains.Hosting;
using Rtl.Streams;

namespace Rtl.Silo.Cli;

/// <summary><c>rtl stream add NAME PIPELINE --source … --window N [--every S] [--sink …]… | list | show NAME | remove NAME</c>.</summary>
public static class StreamCommands
{
    /// <summary><c>rtl stream add|list|show|remove</c>: the action is the subcommand the line reached.</summary>
    public static async Task<int> Stream(ParseResult line, RtlOptions options)
    {
        var action = line.CommandResult.Command.Name;
        await using var session = await ClusterSession.Open(line, options);
        var client = session.Client;
        switch (action)
        {
            case "add":
                var definition = await Definition(line);
                await client.AddStreamAsync(definition);
                Console.WriteLine($"Stream '{definition.Name}': {Describe(definition)}.");
                return 0;
            case "list":
                foreach (var s in await client.ListStreamsAsync())
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{s.Definition.Name,-16} {s.Received,10:N0} rows {s.Windows,8:N0} windows {s.RowsPerSecond,10:N1} rows/s  rejected {s.Rejected:N0}  dropped {s.Dropped:N0}  {s.Definition.Source}"));
                }

                return 0;
            case "show":
                var name = line.GetRequiredValue(CliArguments.StreamName);
                if (await client.GetStreamAsync(name) is not { } status)
                {
                    Console.Error.WriteLine($"rtl: no stream named '{name}'");
                    return 1;
                }

                Show(status);
                return 0;
            case "remove":
                var removed = line.GetRequiredValue(CliArguments.StreamName);
                if (await client.RemoveStreamAsync(removed))
                {
                    Console.WriteLine($"Removed stream '{removed}'.");
                    return 0;
                }

                Console.Error.WriteLine($"rtl: no stream named '{removed}'");
                return 1;
            default:
                throw new UsageException($"unknown stream action '{action}' (add, list, show or remove)");
        }
    }

    /// <summary>The pipeline is a JSON file when one exists at that path (or it ends in .json), else a stored pipeline's name.</summary>
    private static async Task<StreamDefinition> Definition(ParseResult line)
    {
        var name = line.GetRequiredValue(CliArguments.StreamName);
        var pipeline = line.GetRequiredValue(CliArguments.Pipeline);
        if (File.Exists(pipeline))
        {
            var file = pipeline;
            pipeline = await File.ReadAllTextAsync(file);
            // Read here as well as in the stream's grain, so a syntax error names the file.
            _ = Pipelines.Pipeline.FromJson(pipeline, file);
        }
        else if (pipeline.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"no file '{pipeline}' (a stored pipeline's name does not end in .json)");
        }

        var window = line.GetValue(CliOptions.Window) ?? throw new UsageException("stream add needs --window N (rows in a window)");
        var definition = new StreamDefinition(name, pipeline, line.GetValue(CliOptions.Source) ?? "http", window, line.GetValue(CliOptions.Every),
            line.GetValue(CliOptions.Sinks) ?? [], line.GetValue(CliOptions.Buffer) ?? StreamDefinition.DefaultBufferRows(window));
        definition.Validate();
        return definition;
    }

    private static string Describe(StreamDefinition d) =>
        $"windows of {d.Window:N0} rows{(d.EverySeconds is { } every ? $" or {every.ToString(CultureInfo.InvariantCulture)} s" : "")} from {d.Source}"
        + (d.Sinks.Count > 0 ? $" to {string.Join(", ", d.Sinks)}" : "")
        + $"; pipeline {(d.PipelineIsJson ? "given as JSON" : $"'{d.Pipeline}'")}";

    private static void Show(StreamStatus s)
    {
        Console.WriteLine($"Stream '{s.Definition.Name}': {Describe(s.Definition)}");
        Console.WriteLine($"Source: {s.Source}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Received {s.Received:N0} rows ({s.RowsPerSecond:N1}/s), {s.Windows:N0} windows, {s.OpenRows:N0} rows open; rejected {s.Rejected:N0}, dropped {s.Dropped:N0}"));
        if (s.LastError is { } error)
        {
            Console.WriteLine($"Last error: {error}");
        }

        foreach (var w in s.Recent.TakeLast(10))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  window {w.Window,6}: {w.Rows,8:N0} rows  {w.Milliseconds,8:F2} ms  {w.Closed:HH:mm:ss.fff}{(w.Error is { } e ? "  failed: " + e : "")}"));
        }

        if (s.Latest is { } latest)
        {
            Console.WriteLine("Latest result:");
            Console.WriteLine(latest.ToPreview());
        }
    }
}
