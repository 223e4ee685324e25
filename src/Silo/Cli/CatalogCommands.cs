using System.CommandLine;
using Microsoft.Extensions.Logging.Console;
using Rtl.Grains.Formats;
using Rtl.Grains.Hosting;
using Rtl.Grains.Plugins;
using Rtl.Grains.Registry;
using Rtl.Silo.Output;

namespace Rtl.Silo.Cli;

/// <summary><c>rtl tasks | pipeline add|list|remove | jobs | job</c>.</summary>
public static class CatalogCommands
{
    /// <summary>Every registered task with its arguments (the seed's <c>--meta</c>), plugins marked with their file.</summary>
    public static Task<int> Tasks(RtlOptions options)
    {
        var registry = LoadRegistry(options);
        foreach (var task in registry.All)
        {
            var plugin = registry.PluginFile(task.Name) is { } file
                ? $"  [plugin {task.GetType().Assembly.GetName().Name}: {Path.GetRelativePath(options.ResolvedPluginsDir, file)}]"
                : "";
            Console.WriteLine($"{task.Name,-16} {task.Summary}{plugin}");
            foreach (var argument in task.Arguments)
            {
                Console.WriteLine($"    {argument.Name,-14}{(argument.Required ? "" : " (optional)"),-11} {argument.Description}");
            }
        }

        return Task.FromResult(0);
    }

    /// <summary>Built-ins and the plugins folder's tasks; a broken plugin is a warning on stderr, as in a silo's log.</summary>
    private static TaskRegistry LoadRegistry(RtlOptions options)
    {
        using var logs = LoggerFactory.Create(b => b
            .AddSimpleConsole(c => c.SingleLine = true)
            .AddFilter("Rtl.Plugins", options.Debug ? LogLevel.Information : LogLevel.Warning)
            .Services.Configure<ConsoleLoggerOptions>(c => c.LogToStandardErrorThreshold = LogLevel.Trace));
        return PluginLoader.Registry(options.ResolvedPluginsDir, logs.CreateLogger("Rtl.Plugins"));
    }

    /// <summary><c>rtl pipeline add|list|show|remove</c>: the action is the subcommand the line reached.</summary>
    public static async Task<int> Pipeline(ParseResult line, RtlOptions options)
    {
        var action = line.CommandResult.Command.Name;
        await using var session = await ClusterSession.Open(line, options);
        var client = session.Client;
        switch (action)
        {
            case "add":
                var name = line.GetRequiredValue(CliArguments.PipelineName);
                var file = line.GetRequiredValue(CliArguments.PipelineFile);
                var pipeline = Pipelines.Pipeline.FromJson(await File.ReadAllTextAsync(file), file);
                await client.SavePipelineAsync(name, pipeline);
                Console.WriteLine($"Stored pipeline '{name}' ({pipeline.Stages.Count} stage(s)).");
                return 0;
            case "list":
                foreach (var stored in await client.ListPipelinesAsync())
                {
                    Console.WriteLine(stored);
                }

                return 0;
            case "show":
                var shownName = line.GetRequiredValue(CliArguments.PipelineName);
                var shown = await client.GetPipelineAsync(shownName);
                if (shown is null)
                {
                    Console.Error.WriteLine($"rtl: no pipeline named '{shownName}'");
                    return 1;
                }

                Console.WriteLine(shown.ToJson(indented: true));
                return 0;
            case "remove":
                var removed = line.GetRequiredValue(CliArguments.PipelineName);
                if (await client.RemovePipelineAsync(removed))
                {
                    Console.WriteLine($"Removed pipeline '{removed}'.");
                    return 0;
                }

                Console.Error.WriteLine($"rtl: no pipeline named '{removed}'");
                return 1;
            default:
                throw new UsageException($"unknown action 'pipeline {action}' (expected add, list, show or remove)");
        }
    }

    public static async Task<int> PruneJobs(ParseResult line, RtlOptions options)
    {
        await using var session = await ClusterSession.Open(line, options);
        var pruned = await session.Client.PruneJobsAsync();
        Console.WriteLine($"Pruned {pruned} job(s): kept those younger than the silos' JobRetention and at most JobRetentionCount.");
        return 0;
    }

    public static async Task<int> Jobs(ParseResult line, RtlOptions options)
    {
        var count = line.GetValue(CliOptions.Count) ?? 20;
        await using var session = await ClusterSession.Open(line, options);
        foreach (var job in await session.Client.ListJobsAsync(count))
        {
            var name = job.PipelineName ?? "(inline)";
            Console.WriteLine($"{job.Id}  {job.Status.ToString().ToLowerInvariant(),-9}  {job.Submitted:u}  {job.Milliseconds,10:F2} ms  {name}{(job.Error is null ? "" : "  " + job.Error)}");
        }

        return 0;
    }

    public static async Task<int> Job(ParseResult line, RtlOptions options)
    {
        var text = line.GetRequiredValue(CliArguments.JobId);
        if (!Guid.TryParse(text, out var id))
        {
            throw new UsageException($"'{text}' is not a job id");
        }

        await using var session = await ClusterSession.Open(line, options);
        var record = await session.Client.GetJobAsync(id);
        if (record is null)
        {
            Console.Error.WriteLine($"rtl: no job {id}");
            return 1;
        }

        ResultPrinter.PrintRecord(record, Console.Out);
        if (line.GetValue(CliOptions.Output) is { } output)
        {
            var table = await session.Client.GetJobResultAsync(id);
            if (table is null)
            {
                Console.Error.WriteLine($"rtl: job {id} has no result ({record.Status.ToString().ToLowerInvariant()})");
                return 1;
            }

            TableFiles.Write(output, table);
            Console.WriteLine($"Wrote: {Path.GetFullPath(output)}");
        }

        return 0;
    }
}
