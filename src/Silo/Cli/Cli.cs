namespace Rtl.Silo.Cli;

/// <summary>The <c>rtl</c> command: dispatches verbs and turns every failure into a message and an exit code.</summary>
public static class Cli
{
    public const string Usage = """
        rtl — run numeric pipelines on a cluster of small machines

        rtl silo                       run a silo in the foreground (systemd)
        rtl start | stop | restart     start a silo in the background / stop the data dir's silos / restart them
                                       [--start-timeout SECONDS] (default 120: give up, stop it and say why)
                                       restart: each silo again with its own flags; --silo-port N: that one only
        rtl status                     list the cluster's silos (exit 3 when none is running)
        rtl demo                       run the seed's dev.py on synthetic data, write its plots, serve the jobs page   [--no-wait] [--web-port N] [--no-dashboard]
        rtl run PIPELINE.json|NAME     run a pipeline   [--input FILE] [--output FILE] [--embedded]
        rtl submit PIPELINE.json|NAME  submit a durable job, print its id   [--input FILE] [--wait]
        rtl jobs                       list recent jobs   [--count N]
        rtl jobs prune                 remove the jobs retention keeps no longer (JobRetention, JobRetentionCount)
        rtl job ID                     show a job   [--output FILE]
        rtl pipeline add NAME FILE | list | show NAME | remove NAME
        rtl stream add NAME PIPELINE.json|NAME --window N [--source mqtt://HOST:PORT/TOPIC|http] [--every SECONDS]
                   [--sink mqtt://HOST:PORT/TOPIC|file:PATH.csv]… [--buffer ROWS]
                                       a standing pipeline over live rows (a DataNode)
        rtl stream list | show NAME | remove NAME
        rtl tasks                      list the tasks and their arguments, plugins' included
        rtl --version                  the version, the platform it was built for and the .NET runtime it runs on
        rtl VERB --help                that verb's own help: every option it takes

        Options: --data-dir DIR (default ~/.rtl), --name NAME, --silo-port, --gateway-port, --web-port, --cluster-id,
                 --storage sqlite|postgres, --connection-string TEXT, --tls-certificate FILE,
                 --files-root DIR (where task paths resolve; default <data dir>/files),
                 --force-files-root (accept /, ~ or above as the files root), --plugins-dir DIR (default <data dir>/plugins),
                 --address IP, --max-kernels N, --max-table-bytes N, --memory-budget N, --chunking, --chunk-rows N,
                 --debug, --profile, --no-dashboard (a Pi Zero's saving: no Orleans dashboard)
        Files (--input/--output): .csv (header row), .dat with its .meta, or .npy
        """;

    public static async Task<int> Main(string[] args)
    {
        // Read before parsing, so even a failure to parse the options is reported as --debug asks.
        var debug = args.Contains("--debug");
        CliErrors.ReportUnhandled(debug);
        try
        {
            var line = new CommandLine(args);
            if (line.Has("version") || line.Verb is "version")
            {
                Console.WriteLine(ReleaseInfo.Describe());
                return 0;
            }

            var options = OptionsLoader.Load(line);
            if (line.Has("help") || line.Verb is "help")
            {
                // `rtl run --help` and `rtl help run`: that verb's own help; otherwise every verb's line.
                var verb = line.Verb is "help" && line.Positionals.Count > 0 ? line.Positionals[0] : line.Verb;
                Console.WriteLine(CliVerbs.Help(verb) ?? Usage);
                return 0;
            }

            return line.Verb switch
            {
                "silo" => await SiloCommands.Silo(line, options),
                "start" => await SiloCommands.Start(line, options),
                "stop" => await SiloCommands.Stop(line, options),
                "restart" => await RestartCommand.Restart(line, options),
                "status" => await SiloCommands.Status(line, options),
                "run" => await RunCommands.Run(line, options),
                "demo" => await DemoCommand.Demo(line, options),
                "submit" => await RunCommands.Submit(line, options),
                "tasks" => CatalogCommands.Tasks(line, options),
                "pipeline" => await CatalogCommands.Pipeline(line, options),
                "jobs" => await CatalogCommands.Jobs(line, options),
                "job" => await CatalogCommands.Job(line, options),
                "stream" => await StreamCommands.Stream(line, options),
                _ => throw new UsageException($"unknown command '{line.Verb}'"),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"rtl: {e.Message} (see `rtl help`)");
            return 2;
        }
        catch (Exception e)
        {
            return CliErrors.Report(e, debug);
        }
    }
}
