using System.CommandLine;
using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.Grains.Hosting;
using Rtl.Pipelines;
using Rtl.Silo.Output;

namespace Rtl.Silo.Cli;

/// <summary><c>rtl run</c> and <c>rtl submit</c>.</summary>
public static class RunCommands
{
    /// <summary>Runs a pipeline (a JSON file or a stored name) and prints the seed's progress lines and the result.</summary>
    public static async Task<int> Run(ParseResult line, RtlOptions options)
    {
        var target = line.GetRequiredValue(CliArguments.Pipeline);
        var input = ReadInput(line);
        var pipeline = await ReadPipelineFile(target);
        await using var session = await ClusterSession.Open(line, options);
        // A live table on a terminal; the seed's plain lines when piped.
        var result = await ProgressDisplay.Run(progress => pipeline is not null
            ? session.Client.RunAsync(pipeline, input, progress)
            : session.Client.RunAsync(target, input, progress));
        ResultPrinter.Print(result, Console.Out);
        if (line.GetValue(CliOptions.Output) is { } output && result.Table is { } table)
        {
            TableFiles.Write(output, table);
            Console.WriteLine($"Wrote: {Path.GetFullPath(output)}");
        }

        return 0;
    }

    /// <summary>Submits a durable job and prints its id; <c>--wait</c> waits for it and prints its record.</summary>
    public static async Task<int> Submit(ParseResult line, RtlOptions options)
    {
        var target = line.GetRequiredValue(CliArguments.Pipeline);
        var input = ReadInput(line);
        var file = await ReadPipelineFile(target);
        await using var session = await ClusterSession.Open(line, options);
        var pipeline = file ?? await session.Client.GetPipelineAsync(target) ?? throw new ArgumentException(await NoPipeline(session, target));
        // Refused now, as `run` would refuse it, rather than acked with an id and failed later.
        if (await session.Client.CheckAsync(pipeline, input) is { } refusal)
        {
            Console.Error.WriteLine($"rtl: {refusal}");
            return CliErrors.Failed;
        }

        var record = file is not null ? await session.Client.SubmitAsync(pipeline, input) : await session.Client.SubmitAsync(target, input);
        Console.WriteLine(record.Id);
        if (line.GetValue(CliOptions.Wait) || line.GetValue(CliOptions.Embedded))
        {
            record = await session.Client.WaitAsync(record.Id);
            ResultPrinter.PrintRecord(record, Console.Out);
            return record.Status == Jobs.JobStatus.Completed ? 0 : 1;
        }

        return 0;
    }

    /// <summary>
    /// The pipeline in the file <paramref name="target"/> names, or null when it names a stored pipeline instead. An
    /// argument that looks like a path (a folder in it, or <c>.json</c>) and is not a file is a mistyped path.
    /// </summary>
    private static async Task<Pipeline?> ReadPipelineFile(string target)
    {
        if (File.Exists(target))
        {
            return Pipeline.FromJson(await File.ReadAllTextAsync(target), target);
        }

        var looksLikePath = target.Contains('/') || target.Contains(Path.DirectorySeparatorChar)
            || target.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        return looksLikePath ? throw new FileNotFoundException($"file not found: {target}") : null;
    }

    private static async Task<string> NoPipeline(ClusterSession session, string name)
    {
        var stored = await session.Client.ListPipelinesAsync();
        return $"no pipeline named '{name}' (stored: {(stored.Count == 0 ? "none" : string.Join(", ", stored))})";
    }

    private static Table? ReadInput(ParseResult line) =>
        line.GetValue(CliOptions.Input) is { } path ? TableFiles.Read(path) : null;
}
