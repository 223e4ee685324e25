using System.CommandLine;
using Rtl.Grains.Hosting;

namespace Rtl.Silo.Cli;

/// <summary>
/// Resolves <see cref="RtlOptions"/>: defaults, then <c>appsettings.json</c> (working directory, then data
/// dir), then <c>RTL_*</c> environment variables, then flags.
/// </summary>
public static class OptionsLoader
{
    public static RtlOptions Load(ParseResult line)
    {
        var dataDir = Path.GetFullPath(ExpandHome(line.GetValue(CliOptions.DataDir)
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
        options.SiloPort = line.GetValue(CliOptions.SiloPort) ?? options.SiloPort;
        options.GatewayPort = line.GetValue(CliOptions.GatewayPort) ?? options.GatewayPort;
        options.WebPort = line.GetValue(CliOptions.WebPort) ?? options.WebPort;
        options.BulkPort = line.GetValue(CliOptions.BulkPort) ?? options.BulkPort;
        options.WebPortMayMove &= line.GetResult(CliOptions.WebPort) is null && configuration["WebPort"] is null
            && configuration[$"{RtlOptions.Section}:WebPort"] is null;
        options.ClusterId = line.GetValue(CliOptions.ClusterId) ?? options.ClusterId;
        options.SiloName = line.GetValue(CliOptions.Name) ?? options.SiloName;
        options.FilesRoot = line.GetValue(CliOptions.FilesRoot) is { } files ? ExpandHome(files) : options.FilesRoot;
        options.ForceFilesRoot |= line.GetValue(CliOptions.ForceFilesRoot);
        options.PluginsDir = line.GetValue(CliOptions.PluginsDir) is { } plugins ? ExpandHome(plugins) : options.PluginsDir;
        options.AdvertisedAddress = line.GetValue(CliOptions.Address) ?? options.AdvertisedAddress;
        options.MaxConcurrentKernels = line.GetValue(CliOptions.MaxKernels) ?? options.MaxConcurrentKernels;
        options.Storage = line.GetValue(CliOptions.Storage) ?? options.Storage;
        options.ConnectionString = line.GetValue(CliOptions.ConnectionString) ?? options.ConnectionString;
        options.TlsCertificate = line.GetValue(CliOptions.TlsCertificate) ?? options.TlsCertificate;
        options.MaxTableBytes = line.GetValue(CliOptions.MaxTableBytes) ?? options.MaxTableBytes;
        options.MemoryBudget = line.GetValue(CliOptions.MemoryBudget) ?? options.MemoryBudget;
        options.Chunking |= line.GetValue(CliOptions.Chunking);
        options.ChunkRows = line.GetValue(CliOptions.ChunkRows) ?? options.ChunkRows;
        options.Debug |= line.GetValue(CliOptions.Debug);
        options.Dashboard &= !line.GetValue(CliOptions.NoDashboard);
        options.Profile |= line.GetValue(CliOptions.Profile);
        return options;
    }

    // A quoted "~" or "~/x" reaches us unexpanded (a systemd unit, appsettings-like scripts); the shell would expand it.
    private static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.Length > 1 ? path[2..] : "")
            : path;
}
