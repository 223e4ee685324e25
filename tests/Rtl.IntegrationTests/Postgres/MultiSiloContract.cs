using Rtl.Data;
using Rtl.Grains.Hosting;
using Rtl.Jobs;
using Rtl.Pipelines;
using Xunit;

namespace Rtl.IntegrationTests.Postgres;

/// <summary>
/// What a cluster must do on either storage: two real silos form one cluster through the database, a job runs
/// across them, and named pipelines and job records outlive a restart of every silo.
/// </summary>
public abstract class MultiSiloContract
{
    private static readonly Pipeline TwoStages = Pipeline.Builder()
        .Stage(s => s.Task("add", new { operations = new[] { new { a = "x", b = 1, column = "y" } } }))
        .Stage(s => s.Task("multiply", new { operations = new[] { new { a = "y", b = 10, column = "z" } } }))
        .Build();

    /// <summary>Storage settings for a cluster of its own (a fresh database or data dir).</summary>
    protected abstract Task<Action<RtlOptions>> NewStorageAsync();

    protected async Task Two_silos_join_one_cluster_and_a_job_runs_on_it()
    {
        await using var silos = new RtlSilos(await NewStorageAsync());
        await silos.StartSiloAsync();
        await silos.StartSiloAsync();
        await using var client = await silos.ConnectAsync();

        var hosts = await WaitForActiveSilos(client, expected: 2);
        var result = await client.RunAsync(TwoStages, Table.Create(("x", Column.Of(1.0, 2.0, 3.0))));

        Assert.Equal(2, hosts);
        Assert.Equal([20.0, 30, 40], result.Table!["z"].AsDoubles().ToArray());
    }

    protected async Task Named_pipelines_and_job_records_survive_restarting_every_silo()
    {
        await using var silos = new RtlSilos(await NewStorageAsync());
        await silos.StartSiloAsync();
        await silos.StartSiloAsync();
        Guid jobId;
        await using (var client = await silos.ConnectAsync())
        {
            await client.SavePipelineAsync("tenfold", TwoStages);
            var job = await client.SubmitAsync(TwoStages, Table.Create(("x", Column.Of(4.0))));
            jobId = job.Id;
            Assert.Equal(JobStatus.Completed, (await client.WaitAsync(jobId, TimeSpan.FromSeconds(60))).Status);
        }

        await silos.StopAllAsync();
        await silos.StartSiloAsync();
        await silos.StartSiloAsync();
        await using var after = await silos.ConnectAsync();

        Assert.Contains("tenfold", await after.ListPipelinesAsync());
        var rerun = await after.RunAsync("tenfold", Table.Create(("x", Column.Of(5.0))));
        Assert.Equal(60.0, rerun.Table!["z"].GetDouble(0));
        var record = await after.GetJobAsync(jobId);
        Assert.Equal(JobStatus.Completed, record?.Status);
    }

    private static async Task<int> WaitForActiveSilos(Rtl.Client.RtlClient client, int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var hosts = await client.Cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            if (hosts.Count >= expected || DateTime.UtcNow > deadline)
            {
                return hosts.Count;
            }

            await Task.Delay(250);
        }
    }
}

/// <summary>The contract on the default storage: one SQLite file in the data dir.</summary>
public sealed class SqliteMultiSiloTests : MultiSiloContract
{
    [Fact]
    public Task Sqlite_two_silos_join_one_cluster_and_a_job_runs_on_it() => Two_silos_join_one_cluster_and_a_job_runs_on_it();

    [Fact]
    public Task Sqlite_named_pipelines_and_job_records_survive_restarting_every_silo() =>
        Named_pipelines_and_job_records_survive_restarting_every_silo();

    protected override Task<Action<RtlOptions>> NewStorageAsync() => Task.FromResult<Action<RtlOptions>>(_ => { });
}

/// <summary>The contract on PostgreSQL, a fresh database per test created from upstream's scripts at first start.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMultiSiloTests(PostgresServer server) : MultiSiloContract
{
    [PostgresFact]
    public Task Postgres_two_silos_join_one_cluster_and_a_job_runs_on_it() => Two_silos_join_one_cluster_and_a_job_runs_on_it();

    [PostgresFact]
    public Task Postgres_named_pipelines_and_job_records_survive_restarting_every_silo() =>
        Named_pipelines_and_job_records_survive_restarting_every_silo();

    protected override async Task<Action<RtlOptions>> NewStorageAsync()
    {
        var connectionString = await server.CreateDatabaseAsync();
        return options => (options.Storage, options.ConnectionString) = ("postgres", connectionString);
    }
}
