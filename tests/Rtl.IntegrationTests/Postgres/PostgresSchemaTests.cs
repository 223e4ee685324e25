using Npgsql;
using Rtl.Silo.Storage;
using Xunit;

namespace Rtl.IntegrationTests.Postgres;

/// <summary>Upstream's PostgreSQL scripts, run once per database however many silos start at once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaTests(PostgresServer server)
{
    [PostgresFact]
    public async Task EnsureCreated_runs_each_script_once_even_when_silos_start_together()
    {
        var database = await server.CreateDatabaseAsync();

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgresSchema.EnsureCreated(database))));
        var again = PostgresSchema.EnsureCreated(database);

        Assert.Equal(["PostgreSQL-Main.sql", "PostgreSQL-Clustering.sql", "PostgreSQL-Persistence.sql", "Rtl-JobStore.sql"], runs.Single(r => r.Count > 0));
        Assert.Equal(3, runs.Count(r => r.Count == 0));
        Assert.Empty(again);
        Assert.Equal(13L, await PostgresServer.QueryAsync<long>(database, "SELECT count(*) FROM OrleansQuery")); // 9 clustering + 4 storage
    }

    [PostgresFact]
    public async Task EnsureCreated_completes_a_database_that_has_only_some_of_the_tables()
    {
        var database = await server.CreateDatabaseAsync();
        PostgresSchema.EnsureCreated(database);
        await PostgresServer.QueryAsync<int>(database, "DROP TABLE OrleansStorage; DELETE FROM OrleansQuery WHERE QueryKey LIKE '%StorageKey'; SELECT 0");

        var applied = PostgresSchema.EnsureCreated(database);

        Assert.Equal(["PostgreSQL-Persistence.sql"], applied);
        Assert.Equal(13L, await PostgresServer.QueryAsync<long>(database, "SELECT count(*) FROM OrleansQuery"));
    }

    [PostgresFact]
    public void An_unreachable_database_is_named_without_its_password()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(server.AdminConnectionString)
        {
            Port = Processes.FreePorts.Next(), Database = "nowhere", Password = "s3cret", Timeout = 2,
        }.ConnectionString;

        var error = Assert.Throws<InvalidOperationException>(() => PostgresSchema.EnsureCreated(unreachable));

        Assert.Contains("database nowhere", error.Message);
        Assert.DoesNotContain("s3cret", error.Message);
    }
}
