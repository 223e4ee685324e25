using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Rtl.Client.Storage;
using Rtl.Silo.Storage;

namespace Rtl.IntegrationTests.Storage;

/// <summary>A throw-away SQLite file, plus real silo and client hosts that run on it.</summary>
internal sealed class SqliteTestCluster : IDisposable
{
    public const string ServiceId = "rtl-storage-tests";

    public SqliteTestCluster()
    {
        var directory = Path.Combine(Path.GetTempPath(), "rtl-storage-tests", Guid.NewGuid().ToString("N"));
        DatabasePath = Path.Combine(directory, "cluster.db");
        ClusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
    }

    public string DatabasePath { get; }

    public string ClusterId { get; }

    public async Task<IHost> StartSiloAsync()
    {
        var host = Host.CreateDefaultBuilder()
            .UseOrleans(silo => silo
                .UseRtlSqlite(DatabasePath)
                .Configure<ClusterOptions>(ConfigureCluster)
                .ConfigureEndpoints(IPAddress.Loopback, FreePort(), FreePort()))
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .Build();
        await host.StartAsync();
        return host;
    }

    public async Task<IHost> StartClientAsync()
    {
        var host = Host.CreateDefaultBuilder()
            .UseOrleansClient(client => client
                .UseRtlSqliteClustering(DatabasePath)
                .Configure<ClusterOptions>(ConfigureCluster))
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Stops and disposes hosts, ignoring ones that never started.</summary>
    public static async Task StopAsync(params IHost?[] hosts)
    {
        foreach (var host in hosts.Reverse())
        {
            if (host is null)
            {
                continue;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await host.StopAsync(timeout.Token);
            }
            finally
            {
                host.Dispose();
            }
        }
    }

    /// <summary>Reads the file directly, outside Orleans, with its own unpooled connection.</summary>
    public T Query<T>(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False;Mode=ReadWrite");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T));
    }

    public void Dispose()
    {
        // The data sources pool connections per file; drop them so the file can go.
        using (var pooled = new SqliteConnection(new SqliteDataSource(DatabasePath).ConnectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }

        try
        {
            Directory.Delete(Path.GetDirectoryName(DatabasePath)!, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: it is a temp directory.
        }
    }

    private void ConfigureCluster(ClusterOptions options)
    {
        options.ClusterId = ClusterId;
        options.ServiceId = ServiceId;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
