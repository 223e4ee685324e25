using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Rtl.Client;
using Rtl.Client.Storage;
using Rtl.Grains.Hosting;
using Rtl.Silo.Hosting;

namespace Rtl.Silo.Cli;

/// <summary>
/// A client for one CLI command: connected to the data dir's cluster, or — with <c>--embedded</c> — to a
/// silo started in this process on the same SQLite database with free ports.
/// </summary>
public sealed class ClusterSession : IAsyncDisposable
{
    private readonly IHost? embedded;

    private ClusterSession(RtlClient client, IHost? embedded)
    {
        Client = client;
        this.embedded = embedded;
    }

    public RtlClient Client { get; }

    public static async Task<ClusterSession> Open(ParseResult line, RtlOptions options)
    {
        if (!line.GetValue(CliOptions.Embedded))
        {
            var client = await RtlClient.ConnectAsync(ClientOptions(options));
            return new ClusterSession(client, null);
        }

        // A cluster of its own (same database, so stored pipelines and jobs are shared) that nothing else joins.
        options.ClusterId = $"embedded-{Guid.NewGuid():N}";
        options.SiloPort = FreePort();
        options.GatewayPort = FreePort();
        options.WebPort = 0; // any free port: an embedded silo must not take a running silo's web port
        var host = await SiloHost.StartAsync(options);
        var cluster = host.Services.GetRequiredService<IClusterClient>();
        return new ClusterSession(RtlClient.FromClusterClient(cluster, options.JobTimeout), host);
    }

    /// <summary>How a CLI command reaches the silos these options describe: same storage, cluster and certificate.</summary>
    public static RtlClientOptions ClientOptions(RtlOptions options) => new()
    {
        DataDir = options.DataDir,
        ClusterId = options.ClusterId,
        ServiceId = options.ServiceId,
        Timeout = options.JobTimeout,
        Storage = options.Storage,
        ConnectionString = options.ConnectionString,
        TlsCertificate = options.TlsCertificate,
        TlsCertificatePassword = options.TlsCertificatePassword,
    };

    /// <summary>The cluster's database, for messages: the SQLite file, or PostgreSQL's host and database (never a password).</summary>
    public static string Where(RtlOptions options) =>
        StorageKind.IsPostgres(options.Storage, options.ConnectionString)
            ? StorageKind.DescribePostgres(options.ConnectionString!)
            : options.DatabasePath;

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        if (embedded is not null)
        {
            await embedded.StopAsync(TimeSpan.FromSeconds(10));
            embedded.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
