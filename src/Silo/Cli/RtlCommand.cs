using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using A = Rtl.Silo.Cli.CliArguments;
using O = Rtl.Silo.Cli.CliOptions;

namespace Rtl.Silo.Cli;

/// <summary>
/// The <c>rtl</c> command line, defined once: parsing, every verb's <c>--help</c>, <c>--version</c> and shell
/// completion (the <c>[suggest]</c> directive behind <c>rtl completion</c>) all come from this tree.
/// </summary>
public static class RtlCommand
{
    // `@file` is a pipeline or table name here, never a response file to expand.
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    public static RootCommand Root { get; } = Build();

    /// <summary>
    /// Parses <paramref name="args"/>; <c>rtl help [VERB]</c> and <c>rtl version</c>, as people type them, mean
    /// <c>rtl [VERB] --help</c> and <c>rtl --version</c>.
    /// </summary>
    public static ParseResult Parse(IReadOnlyList<string> args) =>
        Root.Parse(args.ToArray() switch
        {
            ["help", .. var verb] => [.. verb, "--help"],
            ["version", .. var rest] => ["--version", .. rest],
            _ => args,
        }, Parsing);

    private static RootCommand Build()
    {
        var root = new RootCommand("rtl — run numeric pipelines on a cluster of small machines") { HelpName = "rtl" };
        if (root.Name != "rtl")
        {
            // Under a test host the executable has another name; a completion line still starts with `rtl`.
            root.Aliases.Add("rtl");
        }

        // -h and --help only: the built-in /h, /? and -? are Windows spellings, and would be offered as completions.
        root.Options.Remove(root.Options.OfType<HelpOption>().Single());
        root.Options.Add(new HelpOption("--help", "-h") { Description = "this help: the usage, arguments and options" });
        var version = root.Options.OfType<VersionOption>().Single();
        version.Action = new PrintVersion();
        version.Description = "the version, the platform it was built for and the .NET runtime it runs on";
        root.SetAction(line => new HelpAction().Invoke(line));
        foreach (var option in O.Cluster)
        {
            root.Options.Add(option);
        }

        Symbol[] silo = [.. O.Silo, O.StartTimeout];
        foreach (var verb in (Command[])
        [
            new Verb("silo", "run a silo in the foreground until SIGTERM/Ctrl-C (what a systemd unit runs)", (_, options) => SiloCommands.Silo(options), O.Silo),
            new Verb("start", "start a silo in the background and return once it serves (log and PID file in the data dir)", SiloCommands.Start, silo),
            new Verb("stop", "stop every silo of the data dir gracefully (they leave the cluster)", (_, options) => SiloCommands.Stop(options)),
            new Verb("restart", "restart every silo `rtl stop` would stop, one at a time, each with the flags it ran with plus those given "
                + "here (--silo-port N: that silo only); with none running, start one", RestartCommand.Restart, silo),
            new Verb("status", "list the cluster's silos (exit 3 when none is running)", (_, options) => SiloCommands.Status(options)),
            new Verb("run", "run a pipeline file or a stored pipeline, printing its progress and a preview", RunCommands.Run,
                A.Pipeline, O.Input, O.Output, O.Embedded, O.FilesRoot, O.ForceFilesRoot, O.PluginsDir),
            new Verb("submit", "check a pipeline, submit it as a durable job and print its id", RunCommands.Submit,
                A.Pipeline, O.Input, O.Wait, O.Embedded),
            new Verb("jobs", "list recent jobs", CatalogCommands.Jobs, O.Count, O.Embedded,
                new Verb("prune", "remove the jobs retention keeps no longer (JobRetention, JobRetentionCount)", CatalogCommands.PruneJobs)),
            new Verb("job", "show a job's record", CatalogCommands.Job, A.JobId, O.Output, O.Embedded),
            new Verb("pipeline", "stored pipelines", null, O.Embedded,
                new Verb("add", "store a pipeline file under a name", CatalogCommands.Pipeline, A.PipelineName, A.PipelineFile),
                new Verb("list", "list the stored pipelines", CatalogCommands.Pipeline),
                new Verb("show", "print a stored pipeline", CatalogCommands.Pipeline, A.PipelineName),
                new Verb("remove", "remove a stored pipeline", CatalogCommands.Pipeline, A.PipelineName)),
            new Verb("stream", "standing pipelines over live rows (DataNodes)", null, O.Embedded,
                new Verb("add", "window rows from --source, run the pipeline over each window, send results to each --sink", StreamCommands.Stream,
                    A.StreamName, A.Pipeline, O.Window, O.Source, O.Every, O.Sinks, O.Buffer),
                new Verb("list", "list the streams with their counts", StreamCommands.Stream),
                new Verb("show", "a stream's counts, recent windows and latest result", StreamCommands.Stream, A.StreamName),
                new Verb("remove", "stop and remove a stream", StreamCommands.Stream, A.StreamName)),
            new Verb("tasks", "list the tasks and their arguments, plugins' included", (_, options) => CatalogCommands.Tasks(options), O.PluginsDir),
            new Verb("demo", "run the seed's dev.py on synthetic data, write its plots, serve the jobs page", DemoCommand.Demo,
                O.NoWait, O.WebPort, O.NoDashboard),
            CompletionScripts.Command(),
        ])
        {
            root.Subcommands.Add(verb);
        }

        return root;
    }

    /// <summary>
    /// <c>rtl --version</c>: the build and what it runs on (<see cref="ReleaseInfo"/>). Like the built-in one it wins
    /// over the rest of the line, so <c>rtl --version --data-dir X</c> still prints it.
    /// </summary>
    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(ReleaseInfo.Describe());
            return 0;
        }
    }
}
