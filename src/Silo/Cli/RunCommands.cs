using Rtl.Data;
using Rtl.Formats;
using Rtl.Hosting;
using Rtl.Pipelines;
using Rtl.Silo.Output;

namespace Rtl.Silo.Cli;

/// <summary><c>rtl run</c> and <c>rtl submit</c>.</summary>
public static class RunCommands
{
    /// <summary>Runs a pipeline (a JSON file or a stored name) and prints the seed's progress lines and the result.</summary>
    public static async Task<int> Run(CommandLine line, RtlOptions options)
    {
        line.RejectUnknown("input", "output", "embedded", "files-root", "force-files-root", "plugins-dir");
        var target = line.Positional(0, "pipeline: a JSON file or the name of a stored pipeline");
        var input = ReadInput(line);
        var pipeline = File.Exists(target) ? Pipeline.FromJson(await File.ReadAllTextAsync(target)) : null;
        await using var session = await ClusterSession.Open(line, options);
        // A live table on a terminal; the seed's plain lines when piped.
        var result = await ProgressDisplay.Run(progress => pipeline is not null
            ? session.Client.RunAsync(pipeline, input, progress)
            : session.Client.RunAsync(target, input, progress));
        ResultPrinter.Print(result, Console.Out);
        if (line.Option("output") is { } output && result.Table is { } table)
        {
            TableFiles.Write(output, table);
            Console.WriteLine($"Wrote: {Path.GetFullPath(output)}");
        }

        return 0;
    }

    /// <summary>Submits a durable job and prints its id; <c>--wait</c> waits for it and prints its record.</summary>
    public static async Task<int> Submit(CommandLine line, RtlOptions options)
    {
        line.RejectUnknown("input", "embedded", "wait");
        var target = line.Positional(0, "pipeline: a JSON file or the name of a stored pipeline");
        var input = ReadInput(line);
        await using var session = await ClusterSession.Open(line, options);
        var record = File.Exists(target)
            ? await session.Client.SubmitAsync(Pipeline.FromJson(await File.ReadAllTextAsync(target)), input)
            : await session.Client.SubmitAsync(target, input);
        Console.WriteLine(record.Id);
        if (line.Has("wait") || line.Has("embedded"))
        {
            record = await session.Client.WaitAsync(record.Id);
            ResultPrinter.PrintRecord(record, Console.Out);
            return record.Status == Jobs.JobStatus.Completed ? 0 : 1;
        }

        return 0;
    }

    private static Table? ReadInput(CommandLine line) =>
        line.Option("input") is { } path ? TableFiles.Read(path) : null;
}
