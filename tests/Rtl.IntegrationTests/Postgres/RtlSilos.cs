using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Rtl.Client;
using Rtl.Grains.Hosting;
using Rtl.IntegrationTests.Processes;
using Rtl.Silo.Hosting;

namespace Rtl.IntegrationTests.Postgres;

/// <summary>
/// Real silos built the way <c>rtl silo</c> builds them (<see cref="SiloHost.Build"/>), in this process, on one
/// storage (the data dir's SQLite file, or a PostgreSQL database), plus clients and CLI arguments that reach them.
/// </summary>
public sealed class RtlSilos : IAsyncDisposable
{
    private readonly Action<RtlOptions> configure;
    private readonly List<IHost> running = [];

    /// <param name="configure">Changes each silo's options before it starts.</param>
    /// <param name="dataDirInFiles">When set, the data dir is this folder inside the files root (as <c>~/.rtl</c> is inside <c>~</c>).</param>
    public RtlSilos(Action<RtlOptions>? configure = null, string? dataDirInFiles = null)
    {
        this.configure = configure ?? (_ => { });
        DataDir = dataDirInFiles is null ? DataDir : Path.Combine(Files, dataDirInFiles);
        Directory.CreateDirectory(DataDir);
        Directory.CreateDirectory(Files);
    }

    public string DataDir { get; private init; } = Path.Combine(Path.GetTempPath(), "rtl-silos-" + Guid.NewGuid().ToString("N"));

    /// <summary>The silos' files root: where task paths resolve and CLI commands run.</summary>
    public string Files { get; } = Path.Combine(Path.GetTempPath(), "rtl-silo-files-" + Guid.NewGuid().ToString("N"));

    public string ClusterId { get; } = "test-" + Guid.NewGuid().ToString("N")[..8];

    public IReadOnlyList<IHost> Running => running;

    /// <summary>The options one more silo would run with (fresh ports).</summary>
    public RtlOptions NewOptions()
    {
        var options = new RtlOptions
        {
            DataDir = DataDir,
            FilesRoot = Files,
            ClusterId = ClusterId,
            SiloPort = FreePorts.Next(),
            GatewayPort = FreePorts.Next(),
            WebPort = FreePorts.Next(),
        };
        configure(options);
        return options;
    }

    /// <summary>Starts one more silo; <paramref name="own"/> sets what only this silo has (its name, its files root).</summary>
    public async Task<IHost> StartSiloAsync(Action<RtlOptions>? own = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var options = NewOptions();
            own?.Invoke(options);
            var host = SiloHost.Build(options);
            try
            {
                await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
                running.Add(host);
                return host;
            }
            catch (Exception e) when (attempt < 5 && IsPortTaken(e))
            {
                // A port found free was taken by another test's process before this silo bound it: fresh ports.
                await host.StopAsync(TimeSpan.FromSeconds(20));
                host.Dispose();
            }
        }
    }

    private static bool IsPortTaken(Exception? e) =>
        e is not null && (e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse }
            || IsPortTaken(e.InnerException));

    /// <summary>Stops a silo gracefully: it leaves the cluster, as on SIGTERM.</summary>
    public async Task StopSiloAsync(IHost host)
    {
        running.Remove(host);
        try
        {
            await host.StopAsync(TimeSpan.FromSeconds(20));
        }
        finally
        {
            host.Dispose();
        }
    }

    public async Task StopAllAsync()
    {
        foreach (var host in running.ToArray().Reverse())
        {
            await StopSiloAsync(host);
        }
    }

    public RtlClientOptions ClientOptions()
    {
        var options = NewOptions();
        return new RtlClientOptions
        {
            DataDir = DataDir,
            ClusterId = ClusterId,
            Storage = options.Storage,
            ConnectionString = options.ConnectionString,
            TlsCertificate = options.TlsCertificate,
            TlsCertificatePassword = options.TlsCertificatePassword,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            Timeout = TimeSpan.FromMinutes(2),
        };
    }

    public Task<RtlClient> ConnectAsync() => RtlClient.ConnectAsync(ClientOptions());

    /// <summary>Runs the real <c>rtl</c> CLI against these silos, from the files root.</summary>
    public Task<RtlProcess.Outcome> Rtl(params string[] args)
    {
        var options = NewOptions();
        string[] cluster = ["--data-dir", DataDir, "--cluster-id", ClusterId, "--storage", options.Storage];
        if (options.ConnectionString is { } connectionString)
        {
            cluster = [.. cluster, "--connection-string", connectionString];
        }

        return RtlProcess.Run(Files, TimeSpan.FromMinutes(2), [.. args, .. cluster]);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAllAsync();
        SqliteConnection.ClearAllPools();
        foreach (var directory in new[] { DataDir, Files })
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: temp directories.
            }
        }
    }
}
