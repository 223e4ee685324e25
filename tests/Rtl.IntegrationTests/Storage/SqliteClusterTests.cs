using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Rtl.IntegrationTests.Storage;

/// <summary>Real silos (and a client) in this process, clustered and persisting through one SQLite file.</summary>
public sealed class SqliteClusterTests
{
    private const int ActiveStatus = 3; // Orleans.Runtime.SiloStatus.Active

    [Fact]
    public async Task Two_silos_join_one_cluster_through_the_file()
    {
        using var cluster = new SqliteTestCluster();
        IHost? first = null, second = null;
        try
        {
            first = await cluster.StartSiloAsync();
            second = await cluster.StartSiloAsync();

            var active = await WaitForActiveSilosAsync(cluster, expected: 2);

            Assert.Equal(2, active);
            Assert.True(cluster.Query<long>(
                "SELECT Version FROM OrleansMembershipVersionTable WHERE DeploymentId = $id", ("$id", cluster.ClusterId)) >= 2);
        }
        finally
        {
            await SqliteTestCluster.StopAsync(first, second);
        }
    }

    [Fact]
    public async Task External_client_finds_the_gateway_in_the_file_and_calls_a_grain()
    {
        using var cluster = new SqliteTestCluster();
        IHost? silo = null, client = null;
        try
        {
            silo = await cluster.StartSiloAsync();
            client = await cluster.StartClientAsync();

            var grain = client.Services.GetRequiredService<IClusterClient>().GetGrain<IStorageTestEchoGrain>(7);

            Assert.Equal("echo: hello", await grain.Echo("hello"));
        }
        finally
        {
            await SqliteTestCluster.StopAsync(silo, client);
        }
    }

    [Fact]
    public async Task Grain_state_survives_a_silo_restart()
    {
        using var cluster = new SqliteTestCluster();
        IHost? silo = null;
        try
        {
            silo = await cluster.StartSiloAsync();
            var before = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IStorageTestCounterGrain>("alpha");
            await before.Add(5);
            Assert.Equal(8, await before.Add(3));
            await SqliteTestCluster.StopAsync(silo);
            silo = null;

            // ADO.NET storage keys rows by state name and grain key (not grain class), in the service's ServiceId.
            Assert.Equal(2L, cluster.Query<long>(
                """
                SELECT Version FROM OrleansStorage
                WHERE GrainTypeString = $state AND GrainIdExtensionString = 'alpha' AND ServiceId = $service
                  AND PayloadBinary IS NOT NULL
                """,
                ("$state", StorageTestCounterGrain.StateName), ("$service", SqliteTestCluster.ServiceId)));

            silo = await cluster.StartSiloAsync();
            var after = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IStorageTestCounterGrain>("alpha");

            Assert.Equal(8, await after.Get());
            Assert.Equal(9, await after.Add(1)); // the re-read ETag lets the new activation write again
        }
        finally
        {
            await SqliteTestCluster.StopAsync(silo);
        }
    }

    private static async Task<long> WaitForActiveSilosAsync(SqliteTestCluster cluster, int expected)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var active = cluster.Query<long>(
                "SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = $id AND Status = $status",
                ("$id", cluster.ClusterId), ("$status", ActiveStatus));
            if (active >= expected || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                return active;
            }

            await Task.Delay(200);
        }
    }
}
