using Npgsql;
using Rtl.Grains.Storage;
using Rtl.IntegrationTests.JobStore;
using Rtl.Silo.Storage;
using Xunit;

namespace Rtl.IntegrationTests.Postgres;

/// <summary>The job store of a cluster of hosts: rows of parts in a real PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJobStoreTests(PostgresServer server) : JobStoreContract, IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> sources = [];

    public static TheoryData<string> All => new(Cases);

    [PostgresTheory]
    [MemberData(nameof(All))]
    public Task Contract(string name) => Run(name);

    [PostgresFact]
    public async Task Parts_are_rows_of_one_megabyte_stored_uncompressed()
    {
        var database = await server.CreateDatabaseAsync();
        var store = Store(database);
        var job = Guid.NewGuid();

        await store.WriteAsync(job, "result.npy", s => s.Write(new byte[(2 * PostgresJobStore.PartBytes) + 10]));

        Assert.Equal(3L, await PostgresServer.QueryAsync<long>(database, $"SELECT count(*) FROM rtl_job_parts WHERE job_id = '{job}'"));
        Assert.Equal((2L * PostgresJobStore.PartBytes) + 10, await PostgresServer.QueryAsync<long>(database, $"SELECT bytes FROM rtl_job_blobs WHERE job_id = '{job}'"));
        Assert.Equal("e", await PostgresServer.QueryAsync<string>(database,
            "SELECT attstorage::text FROM pg_attribute WHERE attrelid = 'rtl_job_parts'::regclass AND attname = 'data'"));
    }

    protected override async Task<IJobStore> NewStoreAsync() => Store(await server.CreateDatabaseAsync());

    private PostgresJobStore Store(string database)
    {
        PostgresSchema.EnsureCreated(database);
        var source = NpgsqlDataSource.Create(database);
        sources.Add(source);
        return new PostgresJobStore(source);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in sources)
        {
            await source.DisposeAsync();
        }
    }
}
