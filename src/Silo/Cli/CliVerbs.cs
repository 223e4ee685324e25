namespace Rtl.Silo.Cli;

/// <summary>
/// Each verb's usage and the options it takes, with what they do: <c>rtl VERB --help</c> prints it, and
/// <see cref="CommandLine.RejectUnknown"/> refuses any other option, so the help and the parser cannot disagree.
/// </summary>
public static class CliVerbs
{
    private static readonly (string Name, string Text)[] Cluster =
    [
        ("data-dir DIR", "the data dir whose cluster to use (default ~/.rtl)"),
        ("cluster-id ID", "the cluster's id in its database"),
        ("storage sqlite|postgres", "where the cluster keeps its membership, grains and jobs"),
        ("connection-string TEXT", "PostgreSQL's connection string"),
        ("tls-certificate FILE", "the cluster's certificate (.pfx), when its silos use TLS"),
        ("debug", "print stack traces with errors"),
        ("help", "this help"),
    ];

    private static readonly (string Name, string Text)[] SiloOptions =
    [
        ("silo-port N", "the port silos talk on"), ("gateway-port N", "the port clients connect to"),
        ("web-port N", "the web app's port (jobs pages, dashboard, API)"), ("name NAME", "the silo's name (stages pin to it with \"on\")"),
        ("address IP", "the address other silos reach it at"), ("files-root DIR", "where task paths resolve (default <data dir>/files)"),
        ("force-files-root", "accept /, ~ or above as the files root"), ("plugins-dir DIR", "task plugins (default <data dir>/plugins)"),
        ("max-kernels N", "kernels run at once"), ("max-table-bytes N", "the largest table a job may hold"),
        ("memory-budget N", "bytes a job may need, checked before it runs"), ("chunking", "split big row-local stages over the silos"),
        ("chunk-rows N", "rows per chunk"), ("profile", "log every job's time"), ("no-dashboard", "no Orleans dashboard (a Pi Zero's saving)"),
    ];

    private static readonly Dictionary<string, (string Usage, (string Name, string Text)[] Options)> Verbs = new(StringComparer.Ordinal)
    {
        ["run"] = ("rtl run PIPELINE.json|NAME  run a pipeline file or a stored pipeline, printing its progress and a preview",
        [
            ("input FILE", "the table to run on: .csv (header row), .dat with its .meta, or .npy"),
            ("output FILE", "write the result table (.csv, .dat + .meta, .npy)"),
            ("embedded", "start a silo in this process instead of using a running cluster"),
            ("files-root DIR", "with --embedded: where task paths resolve"), ("force-files-root", "with --embedded: accept a wide files root"),
            ("plugins-dir DIR", "with --embedded: task plugins"),
        ]),
        ["submit"] = ("rtl submit PIPELINE.json|NAME  check a pipeline, submit it as a durable job and print its id",
        [
            ("input FILE", "the table to run on: .csv, .dat with its .meta, or .npy"),
            ("wait", "wait for the job and print its record"),
            ("embedded", "start a silo in this process (implies --wait)"),
        ]),
        ["jobs"] = ("rtl jobs [prune]  list recent jobs, or remove those retention keeps no longer",
            [("count N", "how many jobs to list (default 20)"), ("embedded", "start a silo in this process")]),
        ["job"] = ("rtl job ID  show a job's record",
            [("output FILE", "write the job's result table"), ("embedded", "start a silo in this process")]),
        ["pipeline"] = ("rtl pipeline add NAME FILE | list | show NAME | remove NAME  stored pipelines",
            [("embedded", "start a silo in this process")]),
        ["stream"] = ("rtl stream add NAME PIPELINE.json|NAME --window N … | list | show NAME | remove NAME  standing pipelines over live rows",
        [
            ("window N", "rows per window"), ("source mqtt://HOST:PORT/TOPIC|http", "where rows come from"),
            ("every SECONDS", "also close a window this often"), ("sink mqtt://HOST:PORT/TOPIC|file:PATH.csv", "where results go (repeatable)"),
            ("buffer ROWS", "rows held while windows run"), ("embedded", "start a silo in this process"),
        ]),
        ["tasks"] = ("rtl tasks  list the tasks and their arguments, plugins' included", [("plugins-dir DIR", "task plugins")]),
        ["demo"] = ("rtl demo  run the seed's dev.py on synthetic data, write its plots, serve the jobs page",
            [("no-wait", "exit after the run (no jobs page then: the plots stay on disk)"), ("web-port N", "the jobs page's port"), ("no-dashboard", "no Orleans dashboard")]),
        ["silo"] = ("rtl silo  run a silo in the foreground (systemd)", SiloOptions),
        ["start"] = ("rtl start  start a silo in the background", [.. SiloOptions, ("start-timeout SECONDS", "give up after this long (default 120)")]),
        ["stop"] = ("rtl stop  stop the data dir's silos", []),
        ["restart"] = ("rtl restart  restart every silo `rtl stop` would stop, one at a time, each with the flags it ran with "
            + "(plus those given here); --silo-port N restarts that silo only; with none running, start one", [.. SiloOptions, ("start-timeout SECONDS", "give up after this long (default 120)")]),
        ["status"] = ("rtl status  list the cluster's silos (exit 3 when none is running)", []),
    };

    /// <summary>The options <paramref name="verb"/> takes, without their values' placeholders: <c>input</c>, <c>embedded</c>.</summary>
    public static string[] Options(string verb) =>
        [.. (Verbs.TryGetValue(verb, out var v) ? v.Options : []).Concat(Cluster).Select(o => o.Name.Split(' ')[0])];

    /// <summary><c>rtl VERB --help</c>: its usage and every option it takes; null for a verb without its own help.</summary>
    public static string? Help(string verb)
    {
        if (!Verbs.TryGetValue(verb, out var v))
        {
            return null;
        }

        var lines = v.Options.Concat(Cluster).Select(o => $"  --{o.Name,-40} {o.Text}");
        return $"{v.Usage}\n\nOptions:\n{string.Join('\n', lines)}";
    }
}
