using Rtl.Hosting;

namespace Rtl.Silo.Cli;

/// <summary>
/// Resolves <see cref="RtlOptions"/>: defaults, then <c>appsettings.json</c> (working directory, then data
/// dir), then <c>RTL_*</c> environment variables, then flags.
/// </summary>
public static class OptionsLoader
{
    public static RtlOptions Load(CommandLine line)
    {
        var dataDir = Path.GetFullPath(ExpandHome(line.Option("data-dir")
            ?? Environment.GetEnvironmentVariable("RTL_DATADIR") ?? RtlOptions.DefaultDataDir));
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(dataDir, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("RTL_")
            .Build();
        var options = new RtlOptions();
        configuration.Bind(options);
        configuration.GetSection(RtlOptions.Section).Bind(options);
        options.DataDir = dataDir;
        options.SiloPort = line.IntOption("silo-port") ?? options.SiloPort;
        options.GatewayPort = line.IntOption("gateway-port") ?? options.GatewayPort;
        options.WebPort = line.IntOption("web-port") ?? options.WebPort;
        options.WebPortMayMove &= line.Option("web-port") is null && configuration["WebPort"] is null
            && configuration[$"{RtlOptions.Section}:WebPort"] is null;
        options.ClusterId = line.Option("cluster-id") ?? options.ClusterId;
        options.SiloName = line.Option("name") ?? options.SiloName;
        options.FilesRoot = line.Option("files-root") is { } files ? ExpandHome(files) : options.FilesRoot;
        options.ForceFilesRoot |= line.Has("force-files-root");
        options.PluginsDir = line.Option("plugins-dir") is { } plugins ? ExpandHome(plugins) : options.PluginsDir;
        options.AdvertisedAddress = line.Option("address") ?? options.AdvertisedAddress;
        options.MaxConcurrentKernels = line.IntOption("max-kernels") ?? options.MaxConcurrentKernels;
        options.Storage = line.Option("storage") ?? options.Storage;
        options.ConnectionString = line.Option("connection-string") ?? options.ConnectionString;
        options.TlsCertificate = line.Option("tls-certificate") ?? options.TlsCertificate;
        options.MaxTableBytes = LongOption(line, "max-table-bytes") ?? options.MaxTableBytes;
        options.MemoryBudget = LongOption(line, "memory-budget") ?? options.MemoryBudget;
        options.Chunking |= line.Has("chunking");
        options.ChunkRows = line.IntOption("chunk-rows") ?? options.ChunkRows;
        options.Debug |= line.Has("debug");
        options.Dashboard &= !line.Has("no-dashboard");
        options.Profile |= line.Has("profile");
        return options;
    }

    private static long? LongOption(CommandLine line, string name) =>
        line.Option(name) is { } text
            ? long.TryParse(text, out var value) && value > 0 ? value : throw new UsageException($"--{name} expects a positive number, got '{text}'")
            : null;

    // A quoted "~" or "~/x" reaches us unexpanded (a systemd unit, appsettings-like scripts); the shell would expand it.
    private static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.Length > 1 ? path[2..] : "")
            : path;
}
