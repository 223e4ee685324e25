using System.CommandLine;
using static Rtl.Silo.Cli.OptionKinds;

namespace Rtl.Silo.Cli;

/// <summary>
/// Every option <c>rtl</c> takes, defined once: <see cref="RtlCommand"/> gives each verb the ones it takes, and the
/// verbs read their values through these same objects.
/// </summary>
public static class CliOptions
{
    // Which cluster: every verb takes these, before or after its own arguments (recursive from the root).
    public static readonly Option<string?> DataDir = Text("--data-dir", "DIR", "the data dir: rtl.db, PID files, logs, job results (default ~/.rtl)", recursive: true);
    public static readonly Option<string?> ClusterId = Text("--cluster-id", "ID", "the cluster's id in its database", recursive: true);
    public static readonly Option<string?> Storage = StorageOption();
    public static readonly Option<string?> ConnectionString = Text("--connection-string", "TEXT", "PostgreSQL's connection string", recursive: true);
    public static readonly Option<string?> TlsCertificate = Text("--tls-certificate", "FILE", "the cluster's certificate (.pfx), when its silos use TLS", recursive: true);
    public static readonly Option<bool> Debug = Flag("--debug", "print stack traces with errors", recursive: true);

    // A silo's own settings: silo, start, restart.
    public static readonly Option<int?> SiloPort = Number("--silo-port", "N", "the port silos talk on");
    public static readonly Option<int?> GatewayPort = Number("--gateway-port", "N", "the port clients connect to");
    public static readonly Option<int?> WebPort = Number("--web-port", "N", "the web app's port (jobs pages, dashboard, API)");
    public static readonly Option<int?> BulkPort = Number("--bulk-port", "N", "the port large tables leave this silo on (default any free port)");
    public static readonly Option<string?> Name = Text("--name", "NAME", "the silo's name (stages pin to it with \"on\")");
    public static readonly Option<string?> Address = Text("--address", "IP", "the address other silos reach it at");
    public static readonly Option<string?> FilesRoot = Text("--files-root", "DIR", "where task paths resolve (default <data dir>/files)");
    public static readonly Option<bool> ForceFilesRoot = Flag("--force-files-root", "accept /, ~ or above as the files root");
    public static readonly Option<string?> PluginsDir = Text("--plugins-dir", "DIR", "task plugins (default <data dir>/plugins)");
    public static readonly Option<int?> MaxKernels = Number("--max-kernels", "N", "kernels run at once");
    public static readonly Option<long?> MaxTableBytes = PositiveBytes("--max-table-bytes", "the largest table a job may hold, in bytes");
    public static readonly Option<long?> MemoryBudget = PositiveBytes("--memory-budget", "bytes a job may need, checked before it runs");
    public static readonly Option<bool> Chunking = Flag("--chunking", "split big row-local stages over the silos");
    public static readonly Option<int?> ChunkRows = Number("--chunk-rows", "N", "rows per chunk");
    public static readonly Option<bool> Profile = Flag("--profile", "log every job's time");
    public static readonly Option<bool> NoDashboard = Flag("--no-dashboard", "no Orleans dashboard (a Pi Zero's saving)");
    public static readonly Option<int?> StartTimeout = PositiveNumber("--start-timeout", "SECONDS",
        $"give up on a silo not up after this long, stop it and say why (default {SiloCommands.DefaultStartTimeoutSeconds})", "number of seconds");

    // Jobs.
    public static readonly Option<string?> Input = Text("--input", "FILE", "the table to run on: .csv (header row), .dat with its .meta, or .npy");
    public static readonly Option<string?> Output = Text("--output", "FILE", "write the result table (.csv, .dat + .meta, .npy)");
    public static readonly Option<bool> Embedded = Flag("--embedded", "start a silo in this process instead of using a running cluster", recursive: true);
    public static readonly Option<bool> Wait = Flag("--wait", "wait for the job and print its record (--embedded implies it)");
    public static readonly Option<int?> Count = PositiveNumber("--count", "N", "how many jobs to list (default 20)");

    // Streams.
    public static readonly Option<int?> Window = Number("--window", "N", "rows per window");
    public static readonly Option<string?> Source = Text("--source", "mqtt://HOST:PORT/TOPIC|http", "where rows come from (default http)");
    public static readonly Option<double?> Every = Seconds("--every", "also close a window this often");
    public static readonly Option<string[]> Sinks = new("--sink") { HelpName = "mqtt://HOST:PORT/TOPIC|file:PATH.csv", Description = "where results go (repeatable)" };
    public static readonly Option<int?> Buffer = Number("--buffer", "ROWS", "rows held while windows run");

    // The demo.
    public static readonly Option<bool> NoWait = Flag("--no-wait", "exit after the run (no jobs page then: the plots stay on disk)");

    /// <summary>The options a silo is started with; <c>rtl restart</c> carries them over from the silo it replaces.</summary>
    public static Option[] Silo =>
        [SiloPort, GatewayPort, WebPort, BulkPort, Name, Address, FilesRoot, ForceFilesRoot, PluginsDir, MaxKernels, MaxTableBytes, MemoryBudget,
         Chunking, ChunkRows, Profile, NoDashboard];

    public static Option[] Cluster => [DataDir, ClusterId, Storage, ConnectionString, TlsCertificate, Debug];

    private static Option<string?> StorageOption()
    {
        // Completion offers the two names; any spelling StorageKind knows (postgresql, npgsql) still parses.
        var storage = Text("--storage", "sqlite|postgres", "where the cluster keeps its membership, grains and jobs", recursive: true);
        storage.CompletionSources.Add("sqlite", "postgres");
        return storage;
    }
}
